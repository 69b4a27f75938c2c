import { Migration } from '@mikro-orm/migrations';

export class Migration20261124120000_delivery extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "delivery" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "mileage_out" int not null, "interior_cleaned" boolean not null, "items_returned" boolean not null, "old_parts_offered" boolean not null, "old_parts_taken" boolean not null, "explanation" text not null, "advice" text null, "next_service_due_on" date not null, "next_service_due_km" int not null, "recorded_by_id" int null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "delivery" add constraint "delivery_work_order_id_unique" unique ("work_order_id");`);
    this.addSql(`alter table "delivery" add constraint "delivery_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "delivery" add constraint "delivery_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "delivery" add constraint "delivery_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "delivery" cascade;`);
  }

}
