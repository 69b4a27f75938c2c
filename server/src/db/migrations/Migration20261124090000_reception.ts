import { Migration } from '@mikro-orm/migrations';

export class Migration20261124090000_reception extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reception_settings" ("id" serial primary key, "store_id" int not null, "greet_within_seconds" int not null default 60, "version" int not null default 1);`);
    this.addSql(`alter table "reception_settings" add constraint "reception_settings_store_id_unique" unique ("store_id");`);

    this.addSql(`create table "walk_around" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "declined" boolean not null, "decline_reason" varchar(500) null, "mileage" int null, "fuel_level_percent" int null, "covers_fitted" boolean null, "valuables_reminded" boolean null, "interior_notes" text null, "tyre_notes" text null, "signature_id" int not null, "signed_at" timestamptz not null, "recorded_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "walk_around" add constraint "walk_around_work_order_id_unique" unique ("work_order_id");`);

    this.addSql(`create table "walk_around_damage" ("id" serial primary key, "walk_around_id" int not null, "position" int not null, "area" text check ("area" in ('FRONT_BUMPER', 'BONNET', 'WINDSCREEN', 'LEFT_FRONT_WING', 'LEFT_FRONT_DOOR', 'LEFT_REAR_DOOR', 'LEFT_REAR_WING', 'LEFT_MIRROR', 'REAR_BUMPER', 'BOOT', 'REAR_WINDOW', 'RIGHT_REAR_WING', 'RIGHT_REAR_DOOR', 'RIGHT_FRONT_DOOR', 'RIGHT_FRONT_WING', 'RIGHT_MIRROR', 'ROOF', 'WHEEL', 'OTHER')) not null, "kind" text check ("kind" in ('SCRATCH', 'DENT', 'CRACK', 'CHIP', 'PAINT', 'OTHER')) not null, "size_cm" double precision not null, "note" varchar(500) null);`);

    this.addSql(`create table "walk_around_damage_photo" ("walk_around_damage_id" int not null, "upload_id" int not null, constraint "walk_around_damage_photo_pkey" primary key ("walk_around_damage_id", "upload_id"));`);

    this.addSql(`create table "reception" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "appointment_id" int null, "arrived_at" timestamptz not null, "greeted_at" timestamptz not null, "greet_within_seconds" int not null, "identity_document" text check ("identity_document" in ('VEHICLE_LICENSE', 'DRIVING_LICENSE', 'ID_CARD', 'OTHER')) not null, "identity_note" varchar(200) null, "advisor_notes" text null, "received_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "reception" add constraint "reception_work_order_id_unique" unique ("work_order_id");`);
    this.addSql(`alter table "reception" add constraint "reception_appointment_id_unique" unique ("appointment_id");`);

    this.addSql(`create table "reception_carried_over_item" ("reception_id" int not null, "carried_over_item_id" int not null, constraint "reception_carried_over_item_pkey" primary key ("reception_id", "carried_over_item_id"));`);

    this.addSql(`alter table "reception_settings" add constraint "reception_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "walk_around" add constraint "walk_around_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "walk_around" add constraint "walk_around_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "walk_around" add constraint "walk_around_signature_id_foreign" foreign key ("signature_id") references "upload" ("id") on update cascade;`);
    this.addSql(`alter table "walk_around" add constraint "walk_around_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "walk_around_damage" add constraint "walk_around_damage_walk_around_id_foreign" foreign key ("walk_around_id") references "walk_around" ("id") on update cascade;`);

    this.addSql(`alter table "walk_around_damage_photo" add constraint "walk_around_damage_photo_walk_around_damage_id_foreign" foreign key ("walk_around_damage_id") references "walk_around_damage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "walk_around_damage_photo" add constraint "walk_around_damage_photo_upload_id_foreign" foreign key ("upload_id") references "upload" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reception" add constraint "reception_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "reception" add constraint "reception_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "reception" add constraint "reception_appointment_id_foreign" foreign key ("appointment_id") references "appointment" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "reception" add constraint "reception_received_by_id_foreign" foreign key ("received_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "reception_carried_over_item" add constraint "reception_carried_over_item_reception_id_foreign" foreign key ("reception_id") references "reception" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reception_carried_over_item" add constraint "reception_carried_over_item_carried_over_item_id_foreign" foreign key ("carried_over_item_id") references "carried_over_item" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "walk_around_damage" drop constraint "walk_around_damage_walk_around_id_foreign";`);

    this.addSql(`alter table "walk_around_damage_photo" drop constraint "walk_around_damage_photo_walk_around_damage_id_foreign";`);

    this.addSql(`alter table "reception_carried_over_item" drop constraint "reception_carried_over_item_reception_id_foreign";`);

    this.addSql(`drop table if exists "reception_settings" cascade;`);

    this.addSql(`drop table if exists "walk_around" cascade;`);

    this.addSql(`drop table if exists "walk_around_damage" cascade;`);

    this.addSql(`drop table if exists "walk_around_damage_photo" cascade;`);

    this.addSql(`drop table if exists "reception" cascade;`);

    this.addSql(`drop table if exists "reception_carried_over_item" cascade;`);
  }

}
