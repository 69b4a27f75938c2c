import { Authorized, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../staff/roles.js';
import { WorkOrder } from '../work-order/work-order.entity.js';

@ObjectType({ description: 'Links to the work order’s printed documents (A4 PDFs), valid for 15 minutes.' })
export class WorkOrderDocuments {
  @Field(() => String, { description: 'The repair order (维修委托书): the approved lines and what the customer signed.' })
  repairOrderUrl!: string;

  @Field(() => String, { nullable: true, description: 'The settlement statement (结算单) in force; null until settled.' })
  settlementUrl?: string | null;
}

@Resolver(() => WorkOrder)
export class WorkOrderDocumentsResolver {
  @Authorized(Role.SERVICE_ADVISOR, Role.CASHIER, Role.SERVICE_MANAGER)
  @FieldResolver(() => WorkOrderDocuments, { description: 'Printed documents (A4 PDFs with an embedded Chinese font): repair order and settlement statement. Advisors, cashier, managers.' })
  async documents(@Root() wo: WorkOrder, @Ctx() ctx: Context): Promise<WorkOrderDocuments> {
    const storeId = requireStaff(ctx).storeId;
    const settlement = await ctx.services.settlements.active(ctx.em, wo.id);
    return Object.assign(new WorkOrderDocuments(), {
      repairOrderUrl: ctx.services.documents.url(storeId, 'repair-order', wo.id),
      settlementUrl: settlement ? ctx.services.documents.url(storeId, 'settlement', settlement.id) : null,
    });
  }
}
