import { Migration } from '@mikro-orm/migrations';

export class Migration20261124100000_parts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "part" ("id" serial primary key, "store_id" int not null, "part_number" varchar(40) not null, "name" varchar(120) not null, "source" text check ("source" in ('OEM', 'AFTERMARKET')) not null, "unit_price_fen" int not null, "fits_models" jsonb not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "part" add constraint "part_store_id_part_number_unique" unique ("store_id", "part_number");`);

    this.addSql(`create table "part_stock" ("id" serial primary key, "store_id" int not null, "part_id" int not null, "on_hand" int not null default 0, "reserved" int not null default 0, "reorder_point" int not null default 0, "reorder_quantity" int not null default 0, "version" int not null default 1, "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "part_stock" add constraint "part_stock_part_id_unique" unique ("part_id");`);

    this.addSql(`create table "part_reservation" ("id" serial primary key, "store_id" int not null, "appointment_id" int not null, "part_id" int not null, "quantity" int not null, "reserved" int not null);`);
    this.addSql(`alter table "part_reservation" add constraint "part_reservation_appointment_id_part_id_unique" unique ("appointment_id", "part_id");`);

    this.addSql(`create table "purchase_request" ("id" serial primary key, "store_id" int not null, "part_id" int not null, "status" text check ("status" in ('OPEN', 'ORDERED', 'RECEIVED', 'CANCELLED')) not null default 'OPEN', "version" int not null default 1, "quantity" int not null, "received_quantity" int not null default 0, "origin" text check ("origin" in ('REORDER_POINT', 'BOOKING_SHORTAGE', 'MANUAL')) not null, "note" varchar(500) null, "params" jsonb not null, "appointment_id" int null, "customer_id" int null, "vehicle_id" int null, "follow_up_task_id" int null, "created_by_id" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "ordered_at" timestamptz null, "received_at" timestamptz null, "cancel_reason" varchar(500) null);`);
    this.addSql(`create index "purchase_request_part_id_status_index" on "purchase_request" ("part_id", "status");`);
    this.addSql(`create index "purchase_request_store_id_status_index" on "purchase_request" ("store_id", "status");`);

    this.addSql(`create table "stock_movement" ("id" serial primary key, "store_id" int not null, "part_id" int not null, "kind" text check ("kind" in ('RECEIVE', 'RESERVE', 'RELEASE', 'ISSUE', 'RETURN', 'ADJUST')) not null, "quantity" int not null, "on_hand_delta" int not null, "reserved_delta" int not null, "on_hand_after" int not null, "reserved_after" int not null, "reason" varchar(500) null, "actor_kind" varchar(20) not null, "actor_id" int null, "appointment_id" int null, "work_order_id" int null, "part_issue_id" int null, "purchase_request_id" int null, "at" timestamptz not null);`);
    this.addSql(`create index "stock_movement_part_id_id_index" on "stock_movement" ("part_id", "id");`);

    this.addSql(`create table "part_issue" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "job_id" int not null, "part_id" int not null, "quantity" int not null, "returned_quantity" int not null default 0, "unit_price_fen" int not null, "issued_at" timestamptz not null, "issued_by_id" int null, "fit_override_reason" varchar(500) null);`);
    this.addSql(`create index "part_issue_job_id_index" on "part_issue" ("job_id");`);
    this.addSql(`create index "part_issue_work_order_id_index" on "part_issue" ("work_order_id");`);

    this.addSql(`alter table "part" add constraint "part_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "part_stock" add constraint "part_stock_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "part_stock" add constraint "part_stock_part_id_foreign" foreign key ("part_id") references "part" ("id") on update cascade;`);

    this.addSql(`alter table "part_reservation" add constraint "part_reservation_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "part_reservation" add constraint "part_reservation_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade;`);
    this.addSql(`alter table "part_reservation" add constraint "part_reservation_part_id_foreign" foreign key ("part_id") references "part" ("id") on update cascade;`);

    this.addSql(`alter table "purchase_request" add constraint "purchase_request_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_part_id_foreign" foreign key ("part_id") references "part" ("id") on update cascade;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_vehicle_id_foreign" foreign key ("vehicle_id") references "vehicle" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_follow_up_task_id_foreign" foreign key ("follow_up_task_id") references "advisor_task" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "stock_movement" add constraint "stock_movement_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_part_id_foreign" foreign key ("part_id") references "part" ("id") on update cascade;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_actor_id_foreign" foreign key ("actor_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "part_issue" add constraint "part_issue_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "part_issue" add constraint "part_issue_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "part_issue" add constraint "part_issue_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade;`);
    this.addSql(`alter table "part_issue" add constraint "part_issue_part_id_foreign" foreign key ("part_id") references "part" ("id") on update cascade;`);
    this.addSql(`alter table "part_issue" add constraint "part_issue_issued_by_id_foreign" foreign key ("issued_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "advisor_task" drop constraint if exists "advisor_task_kind_check";`);
    this.addSql(`alter table "advisor_task" drop constraint if exists "advisor_task_status_check";`);

    this.addSql(`alter table "advisor_task" add column "customer_id" int null, add column "vehicle_id" int null;`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_vehicle_id_foreign" foreign key ("vehicle_id") references "vehicle" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_kind_check" check("kind" in ('CONFIRM_APPOINTMENT', 'GREET_CUSTOMER', 'REMIND_CUSTOMER', 'CALL_WHEN_PARTS_ARRIVE'));`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_status_check" check("status" in ('WAITING', 'OPEN', 'DONE', 'CANCELLED'));`);

    // R-WO-5: stock never goes negative and reserved never exceeds on hand, whatever the code does; movements are append-only.
    this.addSql(`alter table "part_stock" add constraint "part_stock_levels_check" check ("on_hand" >= 0 and "reserved" >= 0 and "reserved" <= "on_hand");`);
    this.addSql(`create trigger stock_movement_append_only before update or delete on "stock_movement" for each row execute function workbay_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists stock_movement_append_only on "stock_movement";`);
    this.addSql(`alter table "part_stock" drop constraint "part_stock_part_id_foreign";`);

    this.addSql(`alter table "part_reservation" drop constraint "part_reservation_part_id_foreign";`);

    this.addSql(`alter table "purchase_request" drop constraint "purchase_request_part_id_foreign";`);

    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_part_id_foreign";`);

    this.addSql(`alter table "part_issue" drop constraint "part_issue_part_id_foreign";`);

    this.addSql(`drop table if exists "part" cascade;`);

    this.addSql(`drop table if exists "part_stock" cascade;`);

    this.addSql(`drop table if exists "part_reservation" cascade;`);

    this.addSql(`drop table if exists "purchase_request" cascade;`);

    this.addSql(`drop table if exists "stock_movement" cascade;`);

    this.addSql(`drop table if exists "part_issue" cascade;`);

    this.addSql(`alter table "advisor_task" drop constraint if exists "advisor_task_kind_check";`);
    this.addSql(`alter table "advisor_task" drop constraint if exists "advisor_task_status_check";`);

    this.addSql(`alter table "advisor_task" drop constraint "advisor_task_customer_id_foreign";`);
    this.addSql(`alter table "advisor_task" drop constraint "advisor_task_vehicle_id_foreign";`);

    this.addSql(`alter table "advisor_task" drop column "customer_id", drop column "vehicle_id";`);

    this.addSql(`alter table "advisor_task" add constraint "advisor_task_kind_check" check("kind" in ('CONFIRM_APPOINTMENT', 'GREET_CUSTOMER', 'REMIND_CUSTOMER'));`);
    this.addSql(`alter table "advisor_task" add constraint "advisor_task_status_check" check("status" in ('OPEN', 'DONE', 'CANCELLED'));`);
  }

}
