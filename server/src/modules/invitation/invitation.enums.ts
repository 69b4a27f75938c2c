import { registerEnumType } from 'type-graphql';

/** R-APT-7: why the store invites a customer. */
export enum InvitationKind {
  FIRST_MAINTENANCE = 'FIRST_MAINTENANCE',
  MAINTENANCE_DUE = 'MAINTENANCE_DUE',
  DEFERRED_ITEM = 'DEFERRED_ITEM',
}

registerEnumType(InvitationKind, {
  name: 'InvitationKind',
  description: 'Why the store invites a customer (R-APT-7).',
  valuesConfig: {
    FIRST_MAINTENANCE: { description: 'A new car sold here nears its first maintenance (3 months / 5 000 km).' },
    MAINTENANCE_DUE: { description: 'Routine maintenance is due, by time or by the mileage estimated from the recorded visits.' },
    DEFERRED_ITEM: { description: 'Work the customer deferred on a visit is still open.' },
  },
});
