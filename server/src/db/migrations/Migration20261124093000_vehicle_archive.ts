import { Migration } from '@mikro-orm/migrations';

export class Migration20261124093000_vehicle_archive extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "vehicle" add column "engine_number" varchar(30) null, add column "transmission_number" varchar(30) null, add column "purchase_date" date null, add column "sold_here" boolean null, add column "warranty_years" int null, add column "warranty_km" int null, add column "insurance_expires_on" date null, add column "inspection_due_on" date null, add column "usage" text check ("usage" in ('PRIVATE', 'OFFICIAL', 'COMMERCIAL')) null, add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "vehicle" drop column "engine_number", drop column "transmission_number", drop column "purchase_date", drop column "sold_here", drop column "warranty_years", drop column "warranty_km", drop column "insurance_expires_on", drop column "inspection_due_on", drop column "usage", drop column "version";`);
  }

}
