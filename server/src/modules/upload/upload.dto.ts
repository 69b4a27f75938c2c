import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error.js';
import { Upload } from './upload.entity.js';
import { UploadPurpose } from './upload.enums.js';

@InputType({ description: 'A file about to be uploaded.' })
export class CreateUploadInput {
  @Field(() => UploadPurpose, { description: 'What the file is for; only uploads of the right purpose can be attached.' })
  purpose!: UploadPurpose;

  @Field(() => String, { description: 'image/jpeg, image/png or image/webp. The bytes are checked against it when they arrive.' })
  contentType!: string;

  @Field(() => Int, { description: 'Size of the file in bytes (at most the server limit, 10 MiB by default); larger bytes are refused.' })
  byteSize!: number;
}

@ObjectType({ description: 'Result of createUpload.' })
export class CreateUploadPayload {
  @Field(() => Upload, { nullable: true, description: 'The upload, with the URL to PUT the bytes to; null when refused.' })
  upload?: Upload | null;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors: UserError[] = [];
}
