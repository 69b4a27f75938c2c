import { createCustomerAndVehicle } from './flows.js';
import type { TestApp } from './test-app.js';

/** Appointment operations and helpers for the appointment tests (module appointment, R-APT-*). */
export const A = {
  slots: `query($input: AvailableSlotsInput!) { availableSlots(input: $input) { start end bay { id name } technicians { id name } } }`,
  book: `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {
    appointment { id status version slotStart slotEnd channel initiator purpose customerWords
      customer { id name } vehicle { id plate } advisor { id name } bay { id name } technicians { id name }
      carriedOver { id description risk } jobs { title skill standardHours } nextStatuses }
    alternatives { start end bay { id } technicians { id } }
    userErrors { code field message } } }`,
  transition: `mutation($input: TransitionAppointmentInput!) { transitionAppointment(input: $input) { appointment { id status version cancelReason } userErrors { code field message } } }`,
  settings: `mutation($input: UpdateAppointmentSettingsInput!) { updateAppointmentSettings(input: $input) { settings { openTime closeTime slotMinutes bookingWindowDays sameDayAllowed version } userErrors { code field } } }`,
  readSettings: `{ appointmentSettings { openTime closeTime slotMinutes bookingWindowDays sameDayAllowed version } }`,
  myTasks: `query($status: [AdvisorTaskStatus!]) { myTasks(first: 100, status: $status) { totalCount edges { node { id kind status dueAt version appointment { id } assignee { id } } } } }`,
  completeTask: `mutation($input: CompleteTaskInput!) { completeTask(input: $input) { task { id status doneAt } userErrors { code field } } }`,
  carryOver: `mutation($input: RecordCarriedOverItemInput!) { recordCarriedOverItem(input: $input) { item { id description risk } userErrors { code field } } }`,
  appointment: `query($id: ID!) { appointment(id: $id) { id status version carriedOver { id description } } }`,
};

export const MAINTENANCE_1H = [{ title: '首次保养', skill: 'MAINTENANCE', standardHours: 1 }];

/** "2026-12-01T09:00" in the store's zone (Asia/Shanghai, +08:00) as an ISO instant. */
export const local = (dayTime: string) => new Date(`${dayTime}:00+08:00`).toISOString();

export async function bookingInput(app: TestApp, slotStart: string, extra: Record<string, unknown> = {}) {
  const { customerId, vehicleId } = await createCustomerAndVehicle(app);
  return { customerId, vehicleId, slotStart, channel: 'PHONE', initiator: 'CUSTOMER', purpose: 'MAINTENANCE', customerWords: '做首保', jobs: MAINTENANCE_1H, ...extra };
}

export async function book(app: TestApp, slotStart: string, extra: Record<string, unknown> = {}, as = 'advisor') {
  const input = await bookingInput(app, slotStart, extra);
  const res = await app.gql(A.book, { input }, { token: await app.login(as) });
  if (!res.data) throw new Error(JSON.stringify(res));
  return { ...res.data.bookAppointment, input };
}
