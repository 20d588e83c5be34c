import { migrate, type Migration } from '../../runtime/migrations/migrate';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

let schemaCount = 0;
/** Each test migrates a schema of its own in one shared database. */
let schema = 'demo';

const migrationsFor = (name: string): Migration[] => [
  {
    version: 1,
    name: 'things',
    sql: `create table ${name}.things (id int primary key); insert into ${name}.things values (1);`,
  },
  { version: 2, name: 'more_things', sql: `insert into ${name}.things values (2);` },
];
let migrations = migrationsFor(schema);

describe('schema migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.dispose());
  beforeEach(() => {
    schema = `demo_${++schemaCount}`;
    migrations = migrationsFor(schema);
  });

  const things = async () =>
    (await database.db.query<{ id: number }>(`select id from ${schema}.things order by id`)).rows.map((r) => r.id);

  it('applies pending migrations in order and records them', async () => {
    expect(await migrate(database.db, schema, migrations)).toEqual({ schema, applied: ['1_things', '2_more_things'] });
    expect(await things()).toEqual([1, 2]);
    const { rows } = await database.db.query(`select version, name from ${schema}.schema_migrations order by version`);
    expect(rows).toEqual([
      { version: 1, name: 'things' },
      { version: 2, name: 'more_things' },
    ]);
  });

  it('is safe to re-run: applied migrations are skipped, new ones applied', async () => {
    await migrate(database.db, schema, migrations.slice(0, 1));
    expect((await migrate(database.db, schema, migrations)).applied).toEqual(['2_more_things']);
    expect((await migrate(database.db, schema, migrations)).applied).toEqual([]);
    expect(await things()).toEqual([1, 2]);
  });

  it('applies nothing when one migration fails', async () => {
    const broken = [...migrations, { version: 3, name: 'broken', sql: `insert into ${schema}.things values (1);` }];
    await expect(migrate(database.db, schema, broken)).rejects.toThrow();
    const { rows } = await database.db.query('select 1 from information_schema.tables where table_schema = $1', [
      schema,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('refuses to run when an applied migration was edited', async () => {
    await migrate(database.db, schema, migrations);
    const edited = [{ ...migrations[0]!, sql: `${migrations[0]!.sql} -- edited` }, migrations[1]!];
    await expect(migrate(database.db, schema, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('does not count re-indentation or CRLF line ends as a change', async () => {
    await migrate(database.db, schema, migrations);
    const reformatted = migrations.map((m) => ({ ...m, sql: `\r\n    ${m.sql.replaceAll(' ', '\r\n  ')}\r\n` }));
    expect((await migrate(database.db, schema, reformatted)).applied).toEqual([]);
  });

  it('refuses a new migration numbered below one already applied', async () => {
    await migrate(
      database.db,
      schema,
      migrations.slice(1).map((m) => ({ ...m, sql: `create table ${schema}.things (id int primary key);` })),
    );
    await expect(migrate(database.db, schema, migrations)).rejects.toThrow(/older than the applied 2/);
  });

  // On PostgreSQL the racing calls run on separate pooled connections, as separate processes would.
  it('lets several processes start at once: each migration is applied exactly once', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => migrate(database.db, schema, migrations)));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(['1_things', '2_more_things']);
    expect(await things()).toEqual([1, 2]);
  });
});
