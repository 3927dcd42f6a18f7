// The mobile page's tabs: each panel is addressed by its hash (/m#results); switching never reloads.

const TABS = ['promote', 'results', 'team', 'me']

/** Shows the tab named by `hash` (the first tab for anything else) and marks its bar link. */
function show(hash: string): void {
  const id = TABS.includes(hash.slice(1)) ? hash.slice(1) : TABS[0]
  for (const tab of TABS) {
    const panel = document.getElementById(tab)
    if (panel) panel.hidden = tab !== id
  }
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#tabbar a[data-tab]')) {
    if (a.dataset.tab === id) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
}

/** Wires the bar: a tap replaces the hash (no jump to the panel, no history entry per tap) and shows the tab. */
export function setUpTabs(): void {
  document.getElementById('tabbar')?.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-tab]') : null
    if (!a) return
    e.preventDefault()
    history.replaceState(null, '', `#${a.dataset.tab}`)
    show(location.hash)
    window.scrollTo(0, 0)
  })
  window.addEventListener('hashchange', () => show(location.hash))
  show(location.hash)
}
