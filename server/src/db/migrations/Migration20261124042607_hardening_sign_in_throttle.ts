import { Migration } from '@mikro-orm/migrations';

export class Migration20261124042607_hardening_sign_in_throttle extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_throttle" ("key" varchar(200) not null, "failures" int not null default 0, "blocks" int not null default 0, "blocked_until" timestamptz null, "updated_at" timestamptz not null default now(), constraint "sign_in_throttle_pkey" primary key ("key"));`);

    this.addSql(`alter table "staff" drop column "failed_logins", drop column "locked_until";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_throttle" cascade;`);

    this.addSql(`alter table "staff" add column "failed_logins" int4 not null default 0, add column "locked_until" timestamptz(6) null;`);
  }

}
