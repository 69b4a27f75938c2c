import { Migration } from '@mikro-orm/migrations';

export class Migration20261124094000_diagnoses extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "diagnosis" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "symptoms" text not null, "trouble_codes" jsonb not null, "cause" text null, "proposed_repair" text null, "estimated_hours_centi" int null, "requires_teardown" boolean not null default false, "consent_method" text check ("consent_method" in ('ON_SITE_SIGNATURE', 'PHONE')) null, "consent_signature_id" int null, "consent_note" varchar(500) null, "photo_ids" jsonb not null, "diagnosed_by_id" int null, "created_at" timestamptz not null default now(), "version" int not null default 1);`);
    this.addSql(`create index "diagnosis_work_order_id_index" on "diagnosis" ("work_order_id");`);

    this.addSql(`alter table "diagnosis" add constraint "diagnosis_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "diagnosis" add constraint "diagnosis_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "diagnosis" add constraint "diagnosis_consent_signature_id_foreign" foreign key ("consent_signature_id") references "upload" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "diagnosis" add constraint "diagnosis_diagnosed_by_id_foreign" foreign key ("diagnosed_by_id") references "staff" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "diagnosis" cascade;`);
  }

}
