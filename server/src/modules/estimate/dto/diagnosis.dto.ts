import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../../graphql/user-error.js';
import { Diagnosis } from '../diagnosis.entity.js';
import { ConsentMethod } from '../estimate.enums.js';

@InputType({ description: 'R-REC-5: the customer’s consent to a teardown, recorded with the diagnosis.' })
export class TeardownConsentInput {
  @Field(() => ConsentMethod, { description: 'ON_SITE_SIGNATURE (with signatureId) or PHONE (with note).' })
  method!: ConsentMethod;

  @Field(() => ID, { nullable: true, description: 'ON_SITE_SIGNATURE: global id of a received SIGNATURE upload.' })
  signatureId?: string | null;

  @Field(() => String, { nullable: true, description: 'PHONE (required there): time, recording number.' })
  note?: string | null;
}

@InputType({ description: 'R-EST-1: a diagnosis report.' })
export class RecordDiagnosisInput {
  @Field(() => ID, { description: 'Global id of the work order.' })
  workOrderId!: string;

  @Field(() => String, { description: 'What was observed (1–2000 characters).' })
  symptoms!: string;

  @Field(() => [String], { nullable: true, description: 'OBD trouble codes, e.g. P0016 (letter P/C/B/U, digit 0–3, three hex digits); at most 20.' })
  troubleCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The cause found.' })
  cause?: string | null;

  @Field(() => String, { nullable: true, description: 'The repair proposed.' })
  proposedRepair?: string | null;

  @Field(() => Float, { nullable: true, description: 'Estimated hours (> 0, ≤ 100, up to 2 decimals).' })
  estimatedHours?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'R-REC-5: the diagnosis needs a teardown; then teardownConsent is required.' })
  requiresTeardown?: boolean;

  @Field(() => TeardownConsentInput, { nullable: true, description: 'R-REC-5: the customer’s consent to the teardown.' })
  teardownConsent?: TeardownConsentInput | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of received DIAGNOSIS_PHOTO uploads (at most 20).' })
  photoIds?: string[] | null;
}

@ObjectType({ description: 'The diagnosis recorded, or why not.' })
export class DiagnosisPayload {
  @Field(() => Diagnosis, { nullable: true, description: 'The diagnosis; null when refused.' })
  diagnosis?: Diagnosis | null;

  @Field(() => [UserError], { description: 'Why it was refused; empty on success.' })
  userErrors: UserError[] = [];
}
