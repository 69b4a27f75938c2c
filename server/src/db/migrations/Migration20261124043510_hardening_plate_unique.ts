import { Migration } from '@mikro-orm/migrations';

export class Migration20261124043510_hardening_plate_unique extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "vehicle" add column "active" boolean not null default true;`);
    // Databases from before may hold several vehicles with one plate: the newest stays active, the others leave the books.
    this.addSql(`update "vehicle" v set "active" = false where exists (select 1 from "vehicle" n where n."store_id" = v."store_id" and n."plate" = v."plate" and n."id" > v."id");`);
    this.addSql(`create unique index "vehicle_store_id_plate_active_unique" on "vehicle" ("store_id", "plate") where "active";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "vehicle_store_id_plate_active_unique";`);
    this.addSql(`alter table "vehicle" drop column "active";`);
  }

}
