import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { UserError } from '../../graphql/user-error.js';
import { Customer } from './customer.entity.js';
import { CustomerType } from './customer-type.js';

@InputType({ description: 'A new customer.' })
export class CreateCustomerInput {
  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { description: 'Mainland mobile, 11 digits.' })
  mobile!: string;

  @Field(() => CustomerType, { nullable: true, defaultValue: CustomerType.PRIVATE, description: 'Kind of customer.' })
  customerType?: CustomerType;
}

@ObjectType({ description: 'The created customer, or why not.' })
export class CreateCustomerPayload {
  @Field(() => Customer, { nullable: true, description: 'The new customer; null when refused.' })
  customer?: Customer | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

@InputType({ description: 'Narrows the customer list.' })
export class CustomerFilter {
  @Field(() => [CustomerType], { nullable: true, description: 'Only these kinds.' })
  customerType?: CustomerType[];

  @Field(() => String, { nullable: true, description: 'Matches the name, the last four digits of the mobile, or (for roles that see them in full) the full mobile or the ID number.' })
  search?: string;
}

export const CustomerConnection = ConnectionType(Customer, 'Customer');
