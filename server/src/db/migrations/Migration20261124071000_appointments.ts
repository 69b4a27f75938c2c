import { Migration } from '@mikro-orm/migrations';

export class Migration20261124071000_appointments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "appointment_settings" ("id" serial primary key, "store_id" int not null, "open_time" varchar(5) not null default '08:30', "close_time" varchar(5) not null default '18:00', "slot_minutes" int not null default 30, "booking_window_days" int not null default 7, "same_day_allowed" boolean not null default false, "version" int not null default 1);`);
    this.addSql(`alter table "appointment_settings" add constraint "appointment_settings_store_id_unique" unique ("store_id");`);

    this.addSql(`create table "appointment" ("id" serial primary key, "store_id" int not null, "status" text check ("status" in ('BOOKED', 'CONFIRMED', 'ARRIVED', 'NO_SHOW', 'CANCELLED')) not null default 'BOOKED', "version" int not null default 1, "customer_id" int not null, "vehicle_id" int not null, "advisor_id" int not null, "bay_id" int not null, "slot_start" timestamptz not null, "slot_end" timestamptz not null, "channel" text check ("channel" in ('PHONE', 'WECHAT', 'APP', 'WEBSITE', 'WALK_IN')) not null, "initiator" text check ("initiator" in ('CUSTOMER', 'STORE')) not null, "purpose" text check ("purpose" in ('FAULT', 'MAINTENANCE', 'VALUE_ADDED', 'RECALL', 'WORN_PARTS', 'CAMPAIGN')) not null, "customer_words" text not null, "jobs" jsonb not null, "cancel_reason" varchar(500) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "status_since" timestamptz not null default now());`);
    this.addSql(`create index "appointment_customer_id_index" on "appointment" ("customer_id");`);
    this.addSql(`create index "appointment_vehicle_id_index" on "appointment" ("vehicle_id");`);
    this.addSql(`create index "appointment_store_id_slot_start_index" on "appointment" ("store_id", "slot_start");`);

    this.addSql(`create table "carried_over_item" ("id" serial primary key, "store_id" int not null, "vehicle_id" int not null, "description" varchar(500) not null, "risk" varchar(500) null, "appointment_id" int null, "resolved_at" timestamptz null, "created_by_id" int null, "created_at" timestamptz not null default now(), "version" int not null default 1);`);
    this.addSql(`create index "carried_over_item_vehicle_id_index" on "carried_over_item" ("vehicle_id");`);
    this.addSql(`create index "carried_over_item_appointment_id_index" on "carried_over_item" ("appointment_id");`);

    this.addSql(`create table "appointment_technician" ("appointment_id" int not null, "staff_id" int not null, constraint "appointment_technician_pkey" primary key ("appointment_id", "staff_id"));`);

    this.addSql(`create table "advisor_task" ("id" serial primary key, "store_id" int not null, "assignee_id" int not null, "appointment_id" int null, "kind" text check ("kind" in ('CONFIRM_APPOINTMENT', 'GREET_CUSTOMER', 'REMIND_CUSTOMER')) not null, "status" text check ("status" in ('OPEN', 'DONE', 'CANCELLED')) not null default 'OPEN', "due_at" timestamptz not null, "created_at" timestamptz not null default now(), "done_at" timestamptz null, "version" int not null default 1);`);
    this.addSql(`create index "advisor_task_assignee_id_status_index" on "advisor_task" ("assignee_id", "status");`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_appointment_id_kind_unique" unique ("appointment_id", "kind");`);

    this.addSql(`alter table "appointment_settings" add constraint "appointment_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "appointment" add constraint "appointment_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_vehicle_id_foreign" foreign key ("vehicle_id") references "vehicle" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_advisor_id_foreign" foreign key ("advisor_id") references "staff" ("id") on update cascade;`);
    this.addSql(`alter table "appointment" add constraint "appointment_bay_id_foreign" foreign key ("bay_id") references "bay" ("id") on update cascade;`);

    this.addSql(`alter table "carried_over_item" add constraint "carried_over_item_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "carried_over_item" add constraint "carried_over_item_vehicle_id_foreign" foreign key ("vehicle_id") references "vehicle" ("id") on update cascade;`);
    this.addSql(`alter table "carried_over_item" add constraint "carried_over_item_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "carried_over_item" add constraint "carried_over_item_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "appointment_technician" add constraint "appointment_technician_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "appointment_technician" add constraint "appointment_technician_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "advisor_task" add constraint "advisor_task_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_assignee_id_foreign" foreign key ("assignee_id") references "staff" ("id") on update cascade;`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "carried_over_item" drop constraint "carried_over_item_appointment_id_foreign";`);

    this.addSql(`alter table "appointment_technician" drop constraint "appointment_technician_appointment_id_foreign";`);

    this.addSql(`alter table "advisor_task" drop constraint "advisor_task_appointment_id_foreign";`);

    this.addSql(`drop table if exists "appointment_settings" cascade;`);

    this.addSql(`drop table if exists "appointment" cascade;`);

    this.addSql(`drop table if exists "carried_over_item" cascade;`);

    this.addSql(`drop table if exists "appointment_technician" cascade;`);

    this.addSql(`drop table if exists "advisor_task" cascade;`);
  }

}
