import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openOrm } from '../src/db/orm.js';
import { DealerGroup } from '../src/modules/dealer-group/dealer-group.entity.js';
import { Store } from '../src/modules/store/store.entity.js';

/** Platform §5's migration on a database that already has stores, staff and bays. */
describe('dealer-group migration', () => {
  it('gives every existing store a group of its own, named after it, and keeps the rows', async () => {
    const adminUrl = inject('pgAdminUrl');
    const name = `mig_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const orm = await openOrm({ clientUrl: adminUrl.replace(/\/postgres$/, `/${name}`) });
    try {
      const migrator = orm.getMigrator();
      await migrator.up({ to: 'Migration20261124050000_domain_event_log' });
      const conn = orm.em.getConnection();
      await conn.execute(`insert into store (name, code) values ('北京店', 'BJ-1'), ('天津店', 'TJ-1')`);
      await conn.execute(`insert into staff (store_id, username, name, roles, skills, password_hash) select id, 'm' || id, '经理', '{SERVICE_MANAGER}', '{}', 'x' from store`);
      await conn.execute(`insert into bay (store_id, name, skills) select id, '1号工位', '{}' from store`);

      await migrator.up();
      expect(await migrator.getPendingMigrations()).toEqual([]);
      const em = orm.em.fork();
      const stores = await em.find(Store, {}, { populate: ['dealerGroup'], orderBy: { id: 'asc' } });
      expect(stores.map((s) => [s.name, s.dealerGroup.getEntity().name])).toEqual([['北京店', '北京店'], ['天津店', '天津店']]);
      expect(new Set(stores.map((s) => s.dealerGroup.id)).size).toBe(2);
      expect(await conn.execute(`select distinct version from staff union all select distinct version from bay`)).toEqual([{ version: 1 }, { version: 1 }]);
      // The id sequence continues after the groups the migration created.
      const group = em.create(DealerGroup, { name: '新集团' });
      await em.flush();
      expect(group.id).toBeGreaterThan(Math.max(...stores.map((s) => s.dealerGroup.id)));
    } finally {
      await orm.close(true);
    }
  });
});
