import { Migration } from '@mikro-orm/migrations';

export class Migration20261122181303 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "store" ("id" serial primary key, "name" varchar(100) not null, "code" varchar(20) not null, "phone" varchar(30) null, "address" varchar(200) null, "timezone" varchar(40) not null default 'Asia/Shanghai', "event_seq" bigint not null default 0, "stale_after_minutes" int not null default 30, "tracking_link_ttl_hours" int not null default 72, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "store" add constraint "store_code_unique" unique ("code");`);

    this.addSql(`create table "staff" ("id" serial primary key, "store_id" int not null, "username" varchar(40) not null, "name" varchar(50) not null, "roles" text[] not null, "skills" text[] not null, "business_phone" varchar(30) null, "password_hash" varchar(200) not null, "active" boolean not null default true, "failed_logins" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "staff_store_id_index" on "staff" ("store_id");`);
    this.addSql(`alter table "staff" add constraint "staff_username_unique" unique ("username");`);

    this.addSql(`create table "session" ("id" serial primary key, "staff_id" int not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "session_staff_id_index" on "session" ("staff_id");`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "display_token" ("id" serial primary key, "store_id" int not null, "name" varchar(60) not null, "token_hash" varchar(64) not null, "created_by_id" int not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null);`);
    this.addSql(`create index "display_token_store_id_index" on "display_token" ("store_id");`);
    this.addSql(`alter table "display_token" add constraint "display_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "customer" ("id" serial primary key, "store_id" int not null, "name" varchar(100) not null, "mobile" varchar(11) not null, "customer_type" text check ("customer_type" in ('PRIVATE', 'OFFICIAL', 'COMMERCIAL')) not null default 'PRIVATE', "value_class" text check ("value_class" in ('A', 'B', 'C', 'D')) null, "created_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "customer" add constraint "customer_store_id_mobile_unique" unique ("store_id", "mobile");`);

    this.addSql(`create table "bay" ("id" serial primary key, "store_id" int not null, "name" varchar(50) not null, "skills" text[] not null, "active" boolean not null default true, "position" int not null default 0);`);
    this.addSql(`create index "bay_store_id_index" on "bay" ("store_id");`);

    this.addSql(`create table "audit_log" ("id" bigserial primary key, "store_id" int not null, "actor_id" int null, "action" varchar(60) not null, "entity" varchar(40) not null, "entity_id" int not null, "data" jsonb null, "at" timestamptz not null default now());`);
    this.addSql(`create index "audit_log_store_id_index" on "audit_log" ("store_id");`);

    this.addSql(`create table "vehicle" ("id" serial primary key, "store_id" int not null, "vin" varchar(17) not null, "plate" varchar(8) not null, "brand" varchar(40) null, "model" varchar(80) not null, "color" varchar(20) null, "mileage_km" int null, "owner_id" int not null, "created_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "vehicle_plate_index" on "vehicle" ("plate");`);
    this.addSql(`create index "vehicle_owner_id_index" on "vehicle" ("owner_id");`);
    this.addSql(`alter table "vehicle" add constraint "vehicle_store_id_vin_unique" unique ("store_id", "vin");`);

    this.addSql(`create table "work_order" ("id" serial primary key, "store_id" int not null, "number" varchar(20) not null, "status" text check ("status" in ('DRAFT', 'AWAITING_APPROVAL', 'QUEUED', 'IN_PROGRESS', 'ON_HOLD', 'QUALITY_CHECK', 'WASHING', 'READY', 'DELIVERED', 'CANCELLED')) not null default 'DRAFT', "hold_reason" text check ("hold_reason" in ('WAITING_PARTS', 'WAITING_APPROVAL', 'CUSTOMER_REQUEST', 'OTHER')) null, "held_from" text check ("held_from" in ('DRAFT', 'AWAITING_APPROVAL', 'QUEUED', 'IN_PROGRESS', 'ON_HOLD', 'QUALITY_CHECK', 'WASHING', 'READY', 'DELIVERED', 'CANCELLED')) null, "version" int not null default 1, "vehicle_id" int not null, "customer_id" int not null, "advisor_id" int not null, "bay_id" int null, "complaint" text not null, "mileage_in" int null, "source" text check ("source" in ('WALK_IN', 'APPOINTMENT', 'RESCUE')) not null default 'WALK_IN', "customer_waiting" boolean not null default false, "wash_requested" boolean not null default true, "promised_at" timestamptz null, "delay_reason" varchar(200) null, "delay_remedy" varchar(200) null, "rework_count" int not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "status_since" timestamptz not null default now(), "started_at" timestamptz null, "delivered_at" timestamptz null, "tracking_token" varchar(64) not null, "tracking_expires_at" timestamptz null);`);
    this.addSql(`create index "work_order_vehicle_id_index" on "work_order" ("vehicle_id");`);
    this.addSql(`create index "work_order_customer_id_index" on "work_order" ("customer_id");`);
    this.addSql(`alter table "work_order" add constraint "work_order_tracking_token_unique" unique ("tracking_token");`);
    this.addSql(`create index "work_order_store_id_status_index" on "work_order" ("store_id", "status");`);
    this.addSql(`alter table "work_order" add constraint "work_order_store_id_number_unique" unique ("store_id", "number");`);

    this.addSql(`create table "work_order_technician" ("work_order_id" int not null, "staff_id" int not null, constraint "work_order_technician_pkey" primary key ("work_order_id", "staff_id"));`);

    this.addSql(`create table "job" ("id" serial primary key, "work_order_id" int not null, "position" int not null, "title" varchar(120) not null, "skill" text check ("skill" in ('ENGINE', 'ELECTRICAL', 'CHASSIS', 'BODY', 'PAINT', 'MAINTENANCE')) not null, "standard_minutes" int not null, "status" text check ("status" in ('PENDING', 'IN_PROGRESS', 'DONE')) not null default 'PENDING', "payer" text check ("payer" in ('CUSTOMER', 'WARRANTY', 'INSURANCE', 'INTERNAL')) not null default 'CUSTOMER');`);
    this.addSql(`create index "job_work_order_id_index" on "job" ("work_order_id");`);

    this.addSql(`create table "work_order_event" ("id" bigserial primary key, "store_id" int not null, "seq" int not null, "work_order_id" int not null, "kind" text check ("kind" in ('CREATED', 'TRANSITIONED', 'ASSIGNED', 'DELAYED')) not null, "from_status" text check ("from_status" in ('DRAFT', 'AWAITING_APPROVAL', 'QUEUED', 'IN_PROGRESS', 'ON_HOLD', 'QUALITY_CHECK', 'WASHING', 'READY', 'DELIVERED', 'CANCELLED')) null, "to_status" text check ("to_status" in ('DRAFT', 'AWAITING_APPROVAL', 'QUEUED', 'IN_PROGRESS', 'ON_HOLD', 'QUALITY_CHECK', 'WASHING', 'READY', 'DELIVERED', 'CANCELLED')) not null, "hold_reason" text check ("hold_reason" in ('WAITING_PARTS', 'WAITING_APPROVAL', 'CUSTOMER_REQUEST', 'OTHER')) null, "reason" varchar(500) null, "actor_id" int null, "version" int not null, "data" jsonb null, "at" timestamptz not null default now());`);
    this.addSql(`create index "work_order_event_work_order_id_index" on "work_order_event" ("work_order_id");`);
    this.addSql(`alter table "work_order_event" add constraint "work_order_event_store_id_seq_unique" unique ("store_id", "seq");`);

    this.addSql(`alter table "staff" add constraint "staff_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "session" add constraint "session_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade;`);

    this.addSql(`alter table "display_token" add constraint "display_token_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "display_token" add constraint "display_token_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on update cascade;`);

    this.addSql(`alter table "customer" add constraint "customer_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "customer" add constraint "customer_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "bay" add constraint "bay_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_actor_id_foreign" foreign key ("actor_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "vehicle" add constraint "vehicle_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "vehicle" add constraint "vehicle_owner_id_foreign" foreign key ("owner_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "vehicle" add constraint "vehicle_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "work_order" add constraint "work_order_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "work_order" add constraint "work_order_vehicle_id_foreign" foreign key ("vehicle_id") references "vehicle" ("id") on update cascade;`);
    this.addSql(`alter table "work_order" add constraint "work_order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "work_order" add constraint "work_order_advisor_id_foreign" foreign key ("advisor_id") references "staff" ("id") on update cascade;`);
    this.addSql(`alter table "work_order" add constraint "work_order_bay_id_foreign" foreign key ("bay_id") references "bay" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "work_order_technician" add constraint "work_order_technician_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "work_order_technician" add constraint "work_order_technician_staff_id_foreign" foreign key ("staff_id") references "staff" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "job" add constraint "job_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);

    this.addSql(`alter table "work_order_event" add constraint "work_order_event_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "work_order_event" add constraint "work_order_event_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "work_order_event" add constraint "work_order_event_actor_id_foreign" foreign key ("actor_id") references "staff" ("id") on update cascade on delete set null;`);
  }

}
