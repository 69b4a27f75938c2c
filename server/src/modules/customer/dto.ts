import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { UserError } from '../../graphql/user-error.js';
import { Customer } from './customer.entity.js';
import { CustomerType } from './customer-type.js';

@InputType()
export class CreateCustomerInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Mainland mobile, 11 digits.' })
  mobile!: string;

  @Field(() => CustomerType, { nullable: true, defaultValue: CustomerType.PRIVATE })
  customerType?: CustomerType;
}

@ObjectType()
export class CreateCustomerPayload {
  @Field(() => Customer, { nullable: true })
  customer?: Customer | null;

  @Field(() => [UserError])
  userErrors: UserError[] = [];
}

@InputType()
export class CustomerFilter {
  @Field(() => [CustomerType], { nullable: true })
  customerType?: CustomerType[];

  @Field(() => String, { nullable: true, description: 'Matches the name, the last four digits of the mobile, or (for roles that see full mobiles) the full mobile.' })
  search?: string;
}

export const CustomerConnection = ConnectionType(Customer, 'Customer');
