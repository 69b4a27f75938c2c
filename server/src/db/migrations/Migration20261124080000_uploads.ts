import { Migration } from '@mikro-orm/migrations';

export class Migration20261124080000_uploads extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "upload" ("id" serial primary key, "store_id" int not null, "purpose" text check ("purpose" in ('WALK_AROUND_PHOTO', 'SIGNATURE', 'DIAGNOSIS_PHOTO')) not null, "status" text check ("status" in ('PENDING', 'RECEIVED')) not null default 'PENDING', "declared_type" varchar(40) not null, "content_type" varchar(40) null, "byte_size" int not null, "storage_key" varchar(120) not null, "sha256" varchar(64) null, "created_by" int null, "created_at" timestamptz not null default now(), "received_at" timestamptz null);`);
    this.addSql(`create index "upload_store_id_index" on "upload" ("store_id");`);
    this.addSql(`alter table "upload" add constraint "upload_storage_key_unique" unique ("storage_key");`);

    this.addSql(`alter table "upload" add constraint "upload_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "upload" cascade;`);
  }

}
