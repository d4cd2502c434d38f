/** What the dialogue's tests share: organisations, their members, a space's form. */
import { sql } from 'drizzle-orm';
import { signUpAndSignIn } from './form-browser.js';
import type { OrganisersWorld } from './organisers.js';

export function dialogueHelpers(world: OrganisersWorld) {
  const spaceForm = (fields: Record<string, string | string[]>) => ({
    description: 'Housing practitioners compare notes.',
    locale: 'en',
    languages: ['en', 'fr'],
    theme: '',
    eventSlug: '',
    itemPath: '',
    organisations: [] as string[],
    ...fields,
  });

  async function organisation(name: string): Promise<string> {
    const rows = await world.app.database.db.execute<{ id: string }>(sql`
    INSERT INTO organisations (slug, name, kind, status)
    VALUES (${name.toLowerCase().replace(/\W+/g, '-')}, ${name}, 'city', 'active') RETURNING id`);
    return rows.rows[0]?.id ?? '';
  }

  /** A person of an organisation, a member of the network (practitioner), signed in. */
  async function member(name: string, organisationId: string, ip: string) {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
    const browser = await signUpAndSignIn(world.app, world.smtp, { name, email }, ip);
    await world.app.database.db.execute(sql`
    UPDATE users SET role = 'practitioner', created_at = now() - interval '30 days'
     WHERE email = ${email}`);
    await world.app.database.db.execute(sql`
    INSERT INTO organisation_members (organisation_id, user_id)
    SELECT ${organisationId}, id FROM users WHERE email = ${email}`);
    return browser;
  }

  const threadUrl = (location: string | undefined) => (location ?? '').replace(/[?#].*$/, '');
  return { organisation, member, spaceForm, threadUrl };
}
