import { Migration } from '@mikro-orm/migrations';

export class Migration20261124143000_campaigns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "campaign" ("id" serial primary key, "store_id" int not null, "name" varchar(60) not null, "template" varchar(60) not null, "channel" text check ("channel" in ('SMS', 'WECHAT', 'APP_PUSH', 'PHONE_TASK')) null, "audience" jsonb not null, "send_from" timestamptz not null, "audience_size" int not null, "suppressed_by_frequency_cap" int not null, "created_by_id" int not null, "created_at" timestamptz not null default now(), "version" int not null default 1);`);
    this.addSql(`create index "campaign_store_id_send_from_index" on "campaign" ("store_id", "send_from");`);

    this.addSql(`alter table "campaign" add constraint "campaign_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "campaign" add constraint "campaign_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "campaign" cascade;`);
  }

}
