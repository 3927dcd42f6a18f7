import type { FC } from 'hono/jsx'
import type { Campaign } from '../../../../lib/schemas/campaign'
import type { ConsoleAdminText } from '../../../i18n/console-admin'
import { Field, FormError } from './Field'

/** A time the page's script rewrites into the reader's local time; UTC until then. */
const When: FC<{ at: string }> = ({ at }) => (
  <time datetime={at}>{`${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`}</time>
)

/** The brand's campaigns, newest window first; each row carries its campaign as JSON for the edit form. */
export const CampaignTable: FC<{ t: ConsoleAdminText; items: Campaign[] }> = ({ t, items }) => {
  const now = new Date().toISOString()
  const sorted = [...items].sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id))
  return sorted.length === 0 ? (
    <p class="muted">{t.noCampaigns}</p>
  ) : (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t.campaignId}</th>
            <th>{t.name}</th>
            <th>{t.startsAt}</th>
            <th>{t.endsAt}</th>
            <th>{t.status}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr class={c.active ? 'campaign' : 'campaign inactive'} data-id={c.id} data-campaign={JSON.stringify(c)}>
              <td class="id">
                <code>{c.id}</code>
              </td>
              <td class="name">{c.name}</td>
              <td>
                <When at={c.startsAt} />
              </td>
              <td>
                <When at={c.endsAt} />
              </td>
              <td class="status">
                {!c.active ? t.inactive : new Date(c.endsAt).toISOString() <= now ? t.ended : t.active}
              </td>
              <td class="actions-cell">
                <button type="button" class="ghost" data-edit-campaign={c.id}>
                  {t.edit}
                </button>{' '}
                <button type="button" class="ghost" data-toggle-campaign={c.id}>
                  {c.active ? t.deactivate : t.activate}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Add a campaign, or edit one (its id is what rules target, so it is fixed once made). */
export const CampaignForm: FC<{ t: ConsoleAdminText }> = ({ t }) => (
  <section class="card">
    <h2 id="campaign-form-title">{t.addCampaign}</h2>
    <form id="campaign-form" novalidate>
      <Field name="id" label={t.campaignId} for="c-id" hint={t.campaignIdHint}>
        <input id="c-id" name="id" maxlength={64} autocomplete="off" />
      </Field>
      <Field name="name" label={t.name} for="c-name">
        <input id="c-name" name="name" maxlength={80} />
      </Field>
      <div class="field-pair">
        <Field name="startsAt" label={t.startsAt} for="c-startsAt">
          <input id="c-startsAt" name="startsAt" type="datetime-local" />
        </Field>
        <Field name="endsAt" label={t.endsAt} for="c-endsAt">
          <input id="c-endsAt" name="endsAt" type="datetime-local" />
        </Field>
      </div>
      <label class="check">
        <input type="checkbox" name="active" id="c-active" checked /> {t.active}
      </label>
      <FormError />
      <p class="muted form-status" role="status"></p>
      <div class="actions">
        <button type="submit" id="campaign-save">
          {t.save}
        </button>
        <button type="button" class="ghost" id="campaign-cancel" hidden>
          {t.cancel}
        </button>
      </div>
    </form>
  </section>
)
