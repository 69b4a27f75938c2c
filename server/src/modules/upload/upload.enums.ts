import { registerEnumType } from 'type-graphql';

/** What a file is for; decides where it may be attached. */
export enum UploadPurpose {
  WALK_AROUND_PHOTO = 'WALK_AROUND_PHOTO',
  SIGNATURE = 'SIGNATURE',
  DIAGNOSIS_PHOTO = 'DIAGNOSIS_PHOTO',
}

export enum UploadStatus {
  /** Created; waiting for the client to PUT the bytes. */
  PENDING = 'PENDING',
  /** Bytes received, sniffed and stored. */
  RECEIVED = 'RECEIVED',
}

registerEnumType(UploadPurpose, {
  name: 'UploadPurpose',
  description: 'What an uploaded file is for.',
  valuesConfig: {
    WALK_AROUND_PHOTO: { description: 'A photo taken on the walk-around (damage, interior, tyres) (R-REC-3).' },
    SIGNATURE: { description: "The customer's signature (walk-around sheet, estimate approval, consent)." },
    DIAGNOSIS_PHOTO: { description: 'A photo supporting a diagnosis or supplemental work.' },
  },
});
registerEnumType(UploadStatus, {
  name: 'UploadStatus',
  description: 'Whether the bytes of an upload have arrived.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the client to PUT the bytes to uploadUrl.' },
    RECEIVED: { description: 'The bytes arrived, their type was checked, and the file is stored.' },
  },
});
