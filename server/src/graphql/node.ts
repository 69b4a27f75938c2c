import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'An object with a global, opaque id; `node(id:)` resolves any of them.' })
export abstract class Node {
  @Field(() => ID, { name: 'id' })
  globalId!: string;
}
