import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/**
 * The schema is third parties' documentation: every type, field, argument and enum value is
 * described (English). Descriptions live next to the code: `description` in type-graphql's
 * decorators and `valuesConfig` in `registerEnumType`. This map holds only what the decorators
 * cannot say or what sits in files being rewritten in the same change (issue 6 §1–§3): the root
 * types (type-graphql creates Query, Mutation and Subscription itself), root fields and their
 * arguments, field resolvers, the `id` getters, and WorkOrder/WorkOrderEvent. Keyed by schema
 * coordinate (`Type`, `Type.field`, `Type.field(arg)`); a decorator's own text wins. Move entries
 * into decorators as those files settle. The schema lint (test/schema-lint.test.ts) fails on
 * anything undescribed, and test/schema.test.ts on an entry here that matches nothing.
 */
export const DESCRIPTIONS: Record<string, string> = {
  // --- Roots
  Query: 'Reads. Staff, wall displays (board only) and, for `trackWorkOrder`, anyone with a customer link.',
  Mutation: 'Writes. Each takes one `input` and returns a payload whose `userErrors` say why it was refused, if it was.',
  Subscription: 'Live streams over WebSocket (graphql-ws, same path as HTTP).',
  'Node.id': 'Global opaque id; `node(id:)` fetches the object back.',
  'ServiceHistoryEntry.id': 'Global id of this history entry; `node(id:)` fetches it back for readers of the same dealer group. Not the work order’s id.',
  'Query.node(id)': 'A global id from any `id` field.',
  'Query.board(storeId)': 'The store; defaults to the viewer’s own (the only one it may read).',
  'Query.customers': 'The store’s customers, oldest first.',
  'Query.customers(filter)': 'Narrows the list; totalCount counts the narrowed list.',
  'Query.displayTokens': 'The store’s wall-display tokens, revoked ones included (managers).',
  'Query.staffMembers': 'The store’s staff, in the order they were added.',
  'Query.staffMembers(filter)': 'Narrows the list; totalCount counts the narrowed list.',
  'Query.trackWorkOrder(token)': 'The token of a customer progress link (the last part of `trackingUrl`).',
  'Query.workOrder': 'One work order of the viewer’s store by id; null when there is none.',
  'Query.workOrder(id)': 'The work order’s global id.',
  'Query.workOrders': 'The store’s work orders, newest first.',
  'Query.workOrders(filter)': 'Narrows the list; totalCount counts the narrowed list.',
  'Subscription.boardEvents(after)': 'A cursor from `board` or a previous event: replays every event after it, then streams live ones. Omitted: live events only.',
  'Subscription.boardEvents(storeId)': 'The store; defaults to the viewer’s own.',
  'Subscription.workOrderProgress(token)': 'The token of the customer link; an anonymous socket may watch only the link it connected with.',
  'Mutation.login(input)': 'Username and password.',
  'Mutation.logout': 'Ends the current staff session and closes its sockets.',
  'Mutation.createCustomer': 'Registers a customer (service advisors, managers); a mobile already on file is refused.',
  'Mutation.createCustomer(input)': 'The new customer.',
  'Mutation.createDisplayToken(input)': 'A name for the display.',
  'Mutation.revokeDisplayToken': 'Ends a wall display’s access at once (managers); its open sockets are closed.',
  'Mutation.revokeDisplayToken(input)': 'Which token.',
  'Mutation.updateStoreSettings(input)': 'The settings to change and the settingsVersion you saw.',
  'Mutation.createVehicle': 'Registers a vehicle to an owner (service advisors, managers); a VIN already on file is refused.',
  'Mutation.createVehicle(input)': 'The new vehicle.',
  'Mutation.createWorkOrder': 'Opens a work order (DRAFT) for a vehicle, with its jobs (service advisors, managers).',
  'Mutation.createWorkOrder(input)': 'The vehicle, jobs and promise.',
  'Mutation.assignWorkOrder(input)': 'The order, bay and technicians.',
  'Mutation.transitionWorkOrder(input)': 'The order, target status and what the move requires.',
  'Mutation.reportWorkOrderDelay(input)': 'The order, new promised time and the reason the customer will read.',

  // --- Store, staff, bays
  'Store.id': 'Global opaque id.',
  'Store.bays': 'The workshop bays, in floor order.',
  'Staff.id': 'Global opaque id.',
  'Staff.store': 'The store the staff member works at.',
  'Staff.username': 'Login name.',
  'Bay.id': 'Global opaque id.',

  // --- Customers and vehicles
  'Customer.id': 'Global opaque id.',
  'Customer.mobile': 'Mainland mobile; masked (138****1234) for roles that do not contact customers (R-ARC-5).',
  'Vehicle.id': 'Global opaque id.',
  'Vehicle.owner': 'The customer who owns it.',
  'Vehicle.vin': 'Vehicle identification number (17 characters, checked).',

  // --- Work orders
  'Job.id': 'Global opaque id.',
  'Job.standardHours': 'Standard (flat-rate) hours for the job.',
  'WorkOrder.id': 'Global opaque id.',
  'WorkOrder.status': 'Where the car is in the workshop flow; only transitionWorkOrder changes it.',
  'WorkOrder.holdReason': 'Why it is paused; set only while ON_HOLD.',
  'WorkOrder.mileageIn': 'Odometer reading at reception, in km.',
  'WorkOrder.source': 'How the car came in.',
  'WorkOrder.promisedAt': 'When the car was promised to the customer; moved only by reportWorkOrderDelay.',
  'WorkOrder.createdAt': 'When the order was opened.',
  'WorkOrder.updatedAt': 'When the order last changed (a STALE card is one without change for the store’s staleAfterMinutes).',
  'WorkOrder.deliveredAt': 'When the car was handed back; null before.',
  'WorkOrder.vehicle': 'The car.',
  'WorkOrder.customer': 'The customer who brought it (not readable with a display token).',
  'WorkOrder.advisor': 'The service advisor in charge.',
  'WorkOrder.bay': 'The bay it is assigned to, if any.',
  'WorkOrder.technicians': 'The technicians assigned to it.',
  'WorkOrder.jobs': 'The jobs, in the order they were entered.',
  'WorkOrderEvent.kind': 'What happened.',
  'WorkOrderEvent.from': 'Status before; null when the order was created.',
  'WorkOrderEvent.to': 'Status after.',
  'WorkOrderEvent.holdReason': 'The hold reason, when the move was to ON_HOLD.',
  'WorkOrderEvent.reason': 'The reason given (cancellation, failed check, delay, hold).',
  'WorkOrderEvent.at': 'When it happened.',
  'WorkOrderEvent.actor': 'Who did it; null for the system.',

  // --- Auth, display tokens, settings
  'DisplayToken.id': 'Global opaque id.',

  // --- Board

  // --- Customer progress page
};

/** Patterns for fields every payload shares. */
function generic(type: string, field: string): string | undefined {
  if (field === 'userErrors' && type.endsWith('Payload')) return 'Why the mutation was refused (then nothing changed and the other fields are null); empty when it succeeded.';
  return undefined;
}

/** Fills in the descriptions the code left out; returns the entries of DESCRIPTIONS that matched nothing. */
export function describeSchema(schema: GraphQLSchema): string[] {
  const used = new Set<string>();
  const pick = (coordinate: string, fallback?: string) => {
    if (coordinate in DESCRIPTIONS) {
      used.add(coordinate);
      return DESCRIPTIONS[coordinate];
    }
    return fallback;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const own = pick(type.name);
    if (!type.description && own) type.description = own;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const text = pick(`${type.name}.${field.name}`, generic(type.name, field.name));
        if (!field.description && text) field.description = text;
        if ('args' in field) {
          for (const arg of field.args) {
            const argText = pick(`${type.name}.${field.name}(${arg.name})`);
            if (!arg.description && argText) arg.description = argText;
          }
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        const text = pick(`${type.name}.${value.name}`);
        if (!value.description && text) value.description = text;
      }
    }
  }
  return Object.keys(DESCRIPTIONS).filter((k) => !used.has(k));
}
