import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref, OptionalProps } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Store } from '../store/store.entity.js';
import { UploadPurpose, UploadStatus } from './upload.enums.js';

/**
 * A file a client uploads (photos, signatures): created by `createUpload`, its bytes PUT to a signed URL,
 * sniffed and stored (local disk or S3-compatible storage). Other records attach ready uploads by id.
 */
@Entity({ tableName: 'upload' })
@ObjectType({ implements: Node, description: 'An uploaded file (photo or signature).' })
export class Upload {
  [OptionalProps]?: 'globalId' | 'status' | 'createdAt' | 'uploadUrl';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Store, { ref: true, index: true })
  store!: Ref<Store>;

  @Field(() => UploadPurpose, { description: 'What the file is for.' })
  @Enum({ items: () => UploadPurpose })
  purpose!: UploadPurpose;

  @Field(() => UploadStatus, { description: 'Whether the bytes have arrived.' })
  @Enum({ items: () => UploadStatus })
  status: UploadStatus = UploadStatus.PENDING;

  /** What the client announced; the stored type is sniffed from the bytes. */
  @Property({ type: 'string', length: 40 })
  declaredType!: string;

  @Field(() => String, { nullable: true, description: 'The type sniffed from the bytes (image/jpeg, image/png or image/webp); null until received.' })
  @Property({ type: 'string', length: 40, nullable: true })
  contentType?: string | null;

  @Field(() => Int, { description: 'Size in bytes: the announced maximum until received, then the size stored.' })
  @Property({ type: 'integer' })
  byteSize!: number;

  /** Where the bytes live in the storage: `<store>/<random>.<ext>`; never guessable. */
  @Property({ type: 'string', length: 120, unique: true })
  storageKey!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  sha256?: string | null;

  /** Staff id of the uploader (null for the system). */
  @Property({ type: 'integer', nullable: true })
  createdBy?: number | null;

  @Field(() => Date, { description: 'When the upload was created.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the bytes arrived.' })
  @Property({ type: 'datetime', nullable: true })
  receivedAt?: Date | null;

  /** Set only on the object `createUpload` returns: the one place the PUT URL is handed out. */
  uploadUrl?: string | null;

  @Field(() => ID, { name: 'id', description: 'Global id (Relay node id).' })
  get globalId(): string {
    return toGlobalId('Upload', this.id);
  }
}
