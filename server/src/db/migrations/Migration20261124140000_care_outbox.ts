import { Migration } from '@mikro-orm/migrations';

export class Migration20261124140000_care_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_settings" ("id" serial primary key, "store_id" int not null, "quiet_start" varchar(5) not null default '21:00', "quiet_end" varchar(5) not null default '08:00', "cap_count" int not null default 3, "cap_window_days" int not null default 7, "default_locale" varchar(5) not null default 'zh', "max_attempts" int not null default 4, "retry_base_seconds" int not null default 60, "version" int not null default 1);`);
    this.addSql(`alter table "outbox_settings" add constraint "outbox_settings_store_id_unique" unique ("store_id");`);

    this.addSql(`create table "care_plan_run" ("id" serial primary key, "store_id" int not null, "day" date not null, "messages" int not null default 0, "planned_at" timestamptz not null default now());`);
    this.addSql(`alter table "care_plan_run" add constraint "care_plan_run_store_id_day_unique" unique ("store_id", "day");`);

    this.addSql(`create table "outbox_message" ("id" serial primary key, "store_id" int not null, "customer_id" int not null, "vehicle_id" int null, "channel" text check ("channel" in ('SMS', 'WECHAT', 'APP_PUSH', 'PHONE_TASK')) not null, "template" varchar(60) not null, "locale" varchar(5) not null, "variables" jsonb not null, "text" text null, "recipient" varchar(20) not null, "purpose" text check ("purpose" in ('SERVICE', 'CARE', 'MARKETING')) not null, "scheduled_at" timestamptz not null, "status" text check ("status" in ('SCHEDULED', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED')) not null default 'SCHEDULED', "attempts" int not null default 0, "failure" text null, "suppressed_because" varchar(40) null, "sent_at" timestamptz null, "idempotency_key" varchar(200) not null, "campaign_id" int null, "version" int not null default 1, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "outbox_message_customer_id_sent_at_index" on "outbox_message" ("customer_id", "sent_at");`);
    this.addSql(`create index "outbox_message_store_id_status_scheduled_at_index" on "outbox_message" ("store_id", "status", "scheduled_at");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_store_id_idempotency_key_unique" unique ("store_id", "idempotency_key");`);

    this.addSql(`alter table "outbox_settings" add constraint "outbox_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "care_plan_run" add constraint "care_plan_run_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "outbox_message" add constraint "outbox_message_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_vehicle_id_foreign" foreign key ("vehicle_id") references "vehicle" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "follow_up_task" drop constraint if exists "follow_up_task_kind_check";`);

    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_kind_check" check("kind" in ('CALLBACK', 'TRACKING_CALL', 'COMPLAINT_RECALL', 'CALL_WHEN_PARTS_ARRIVE', 'CARE_CALL'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_settings" cascade;`);

    this.addSql(`drop table if exists "care_plan_run" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`alter table "follow_up_task" drop constraint if exists "follow_up_task_kind_check";`);

    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_kind_check" check("kind" in ('CALLBACK', 'TRACKING_CALL', 'COMPLAINT_RECALL', 'CALL_WHEN_PARTS_ARRIVE'));`);
  }

}
