import { Migration } from '@mikro-orm/migrations';

export class Migration20261124130000_customer_archive extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customer_archive_settings" ("id" serial primary key, "store_id" int not null, "required_fields" text[] not null, "deadline_days" int not null default 2, "version" int not null default 1);`);
    this.addSql(`alter table "customer_archive_settings" add constraint "customer_archive_settings_store_id_unique" unique ("store_id");`);

    this.addSql(`alter table "customer_archive_settings" add constraint "customer_archive_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "customer" add column "version" int not null default 1, add column "id_number" varchar(18) null, add column "occupation" varchar(50) null, add column "address" varchar(200) null, add column "interests" text[] not null default '{}', add column "birthday" date null, add column "lunar_birthday" jsonb null, add column "preferred_channel" text check ("preferred_channel" in ('PHONE', 'SMS', 'WECHAT', 'APP')) null, add column "preferred_contact_time" varchar(50) null, add column "source" text check ("source" in ('SOLD_HERE', 'SOLD_ELSEWHERE')) null, add column "notes" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_archive_settings" cascade;`);

    this.addSql(`alter table "customer" drop column "version", drop column "id_number", drop column "occupation", drop column "address", drop column "interests", drop column "birthday", drop column "lunar_birthday", drop column "preferred_channel", drop column "preferred_contact_time", drop column "source", drop column "notes";`);
  }

}
