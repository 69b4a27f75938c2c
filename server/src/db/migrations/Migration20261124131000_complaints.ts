import { Migration } from '@mikro-orm/migrations';

export class Migration20261124131000_complaints extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "complaint_settings" ("id" serial primary key, "store_id" int not null, "response_minutes" int not null default 120, "report_after_days" int not null default 3, "recall_days" int not null default 2, "version" int not null default 1);`);
    this.addSql(`alter table "complaint_settings" add constraint "complaint_settings_store_id_unique" unique ("store_id");`);

    this.addSql(`create table "complaint" ("id" serial primary key, "store_id" int not null, "status" text check ("status" in ('OPEN', 'RESPONDED', 'RESOLVED', 'CONFIRMED', 'REOPENED')) not null default 'OPEN', "version" int not null default 1, "customer_id" int not null, "work_order_id" int null, "words" text not null, "category" text check ("category" in ('QUALITY', 'SERVICE', 'PRICE', 'TIMELINESS', 'OTHER')) not null, "severity" text check ("severity" in ('MINOR', 'NORMAL', 'MAJOR')) not null, "channel" text check ("channel" in ('PHONE', 'WECHAT', 'SMS', 'APP', 'IN_PERSON')) not null, "owner_id" int not null, "created_at" timestamptz not null default now(), "first_response_due_at" timestamptz not null, "first_responded_at" timestamptz null, "escalated_at" timestamptz null, "escalated_to_id" int null, "reported_at" timestamptz null, "resolution" text null, "resolved_at" timestamptz null, "recall_due_at" timestamptz null, "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "complaint_customer_id_index" on "complaint" ("customer_id");`);
    this.addSql(`create index "complaint_work_order_id_index" on "complaint" ("work_order_id");`);
    this.addSql(`create index "complaint_store_id_status_index" on "complaint" ("store_id", "status");`);

    this.addSql(`alter table "complaint_settings" add constraint "complaint_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "complaint" add constraint "complaint_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "complaint" add constraint "complaint_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "complaint" add constraint "complaint_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "complaint" add constraint "complaint_owner_id_foreign" foreign key ("owner_id") references "staff" ("id") on update cascade;`);
    this.addSql(`alter table "complaint" add constraint "complaint_escalated_to_id_foreign" foreign key ("escalated_to_id") references "staff" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "complaint_settings" cascade;`);

    this.addSql(`drop table if exists "complaint" cascade;`);
  }

}
