import type { Child, FC } from 'hono/jsx'

/**
 * A page's card: its heading, an optional muted intro line, then its content.
 *
 * @example
 * <Card id="products" title={t.productsTitle} intro={t.productsIntro}>…</Card>
 */
export const Card: FC<{ id?: string; title: Child; intro?: Child; children?: Child }> = ({
  id,
  title,
  intro,
  children,
}) => (
  <section class="card" id={id}>
    <h2>{title}</h2>
    {intro ? <p class="muted">{intro}</p> : null}
    {children}
  </section>
)
