/** What a confirmation says: its title, the consequences one per line, a warning, and the two buttons. */
export interface Confirmation {
  title: string
  consequences: string[]
  warning?: string
  confirmLabel: string
  cancelLabel: string
}

/**
 * Asks before an action that cannot be undone, in the page language, naming what
 * will happen: a modal `<dialog>` (not `window.confirm`, whose buttons and title
 * are the browser's). Resolves true only when the confirm button is pressed;
 * Cancel, Escape or closing resolve false and nothing is done.
 * @example if (await confirmDialog({ title: '停用商品？', consequences: ['…'], confirmLabel: '停用', cancelLabel: '取消' })) …
 */
export function confirmDialog(c: Confirmation): Promise<boolean> {
  const dialog = document.createElement('dialog')
  dialog.className = 'confirm'
  dialog.id = 'confirm-dialog'
  dialog.setAttribute('aria-labelledby', 'confirm-title')
  const title = document.createElement('h2')
  title.id = 'confirm-title'
  title.textContent = c.title
  const list = document.createElement('ul')
  list.id = 'confirm-consequences'
  list.append(
    ...c.consequences.map((line) => {
      const li = document.createElement('li')
      li.textContent = line
      return li
    }),
  )
  const warning = document.createElement('p')
  warning.className = 'warning'
  warning.textContent = c.warning ?? ''
  warning.hidden = !c.warning
  const cancel = document.createElement('button')
  cancel.type = 'button'
  cancel.className = 'ghost'
  cancel.id = 'confirm-cancel'
  cancel.textContent = c.cancelLabel
  const ok = document.createElement('button')
  ok.type = 'button'
  ok.className = 'danger'
  ok.id = 'confirm-ok'
  ok.textContent = c.confirmLabel
  const actions = document.createElement('div')
  actions.className = 'actions'
  actions.append(cancel, ok)
  dialog.append(title, list, warning, actions)
  document.body.append(dialog)
  return new Promise((resolve) => {
    let answer = false
    dialog.addEventListener('close', () => {
      dialog.remove()
      resolve(answer)
    })
    cancel.addEventListener('click', () => dialog.close())
    ok.addEventListener('click', () => {
      answer = true
      dialog.close()
    })
    dialog.showModal()
    // The safe choice has the focus: Enter alone does not confirm.
    cancel.focus()
  })
}
