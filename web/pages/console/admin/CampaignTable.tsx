import type { FC } from 'hono/jsx'
import type { Campaign } from '../../../../lib/schemas/campaign'
import type { ConsoleAdminText } from '../../../i18n/console-admin'
import { EditFormEnd, InputField } from '../../../components/Field'
import { Table } from '../../../components/Table'
import { RowActions } from '../../../components/RowActions'

/** A time the page's script rewrites into the reader's local time; UTC until then. */
const When: FC<{ at: string }> = ({ at }) => (
  <time datetime={at}>{`${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`}</time>
)

/** The brand's campaigns, newest window first; each row carries its campaign as JSON for the edit form. */
export const CampaignTable: FC<{ t: ConsoleAdminText; items: Campaign[] }> = ({ t, items }) => {
  const now = new Date().toISOString()
  const sorted = [...items].sort((a, b) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id))
  return (
    <Table
      rows={sorted}
      empty={<p class="muted">{t.noCampaigns}</p>}
      rowAttrs={(c) => ({
        class: c.active ? 'campaign' : 'campaign inactive',
        'data-id': c.id,
        'data-campaign': JSON.stringify(c),
      })}
      columns={[
        { header: t.campaignId, class: 'id', cell: (c) => <code>{c.id}</code> },
        { header: t.name, class: 'name', cell: (c) => c.name },
        { header: t.startsAt, cell: (c) => <When at={c.startsAt} /> },
        { header: t.endsAt, cell: (c) => <When at={c.endsAt} /> },
        {
          header: t.status,
          class: 'status',
          cell: (c) => (!c.active ? t.inactive : new Date(c.endsAt).toISOString() <= now ? t.ended : t.active),
        },
        {
          header: '',
          class: 'actions-cell',
          cell: (c) => (
            <RowActions
              actions={[
                { label: t.edit, data: { 'data-edit-campaign': c.id } },
                { label: c.active ? t.deactivate : t.activate, data: { 'data-toggle-campaign': c.id } },
              ]}
            />
          ),
        },
      ]}
    />
  )
}

/** Add a campaign, or edit one (its id is what rules target, so it is fixed once made). */
export const CampaignForm: FC<{ t: ConsoleAdminText }> = ({ t }) => (
  <section class="card">
    <h2 id="campaign-form-title">{t.addCampaign}</h2>
    <form id="campaign-form" novalidate>
      <InputField name="id" id="c-id" label={t.campaignId} hint={t.campaignIdHint} maxlength={64} autocomplete="off" />
      <InputField name="name" id="c-name" label={t.name} maxlength={80} />
      <div class="field-pair">
        <InputField name="startsAt" id="c-startsAt" label={t.startsAt} type="datetime-local" />
        <InputField name="endsAt" id="c-endsAt" label={t.endsAt} type="datetime-local" />
      </div>
      <label class="check">
        <input type="checkbox" name="active" id="c-active" checked /> {t.active}
      </label>
      <EditFormEnd form="campaign" save={t.save} cancel={t.cancel} />
    </form>
  </section>
)
