export interface PosterContent {
  brand: string
  name: string
  price: string
  qrSvg: string
  hint: string
}

const W = 720
const H = 1080
const QR = 440

/** Lines of `text` no wider than `max` px; character by character, since Chinese has no spaces to break on. */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (line && ctx.measureText(line + ch).width > max) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  if (line) lines.push(line)
  return lines.slice(0, 3)
}

/** Loads an SVG string as an image at a fixed size (the QR SVG has only a viewBox). */
function loadSvg(svg: string, size: number): Promise<HTMLImageElement> {
  const sized = svg.replace(/<svg\b/, `<svg width="${size}" height="${size}"`)
  const url = URL.createObjectURL(new Blob([sized], { type: 'image/svg+xml' }))
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('QR image did not load'))
    }
    img.src = url
  })
}

/** Draws the share poster (brand, product, price, QR) onto a canvas and returns it as a PNG blob. */
export async function posterPng(p: PosterContent): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = W
  canvas.height = H
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, W, H)
  ctx.textAlign = 'center'
  const font = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif"
  ctx.fillStyle = '#888888'
  ctx.font = `28px ${font}`
  ctx.fillText(p.brand, W / 2, 90)
  ctx.fillStyle = '#222222'
  ctx.font = `bold 44px ${font}`
  let y = 170
  for (const line of wrap(ctx, p.name, W - 96)) {
    ctx.fillText(line, W / 2, y)
    y += 58
  }
  ctx.fillStyle = '#c2185b'
  ctx.font = `bold 52px ${font}`
  ctx.fillText(p.price, W / 2, y + 20)
  const qr = await loadSvg(p.qrSvg, QR)
  ctx.drawImage(qr, (W - QR) / 2, y + 70, QR, QR)
  ctx.fillStyle = '#888888'
  ctx.font = `28px ${font}`
  ctx.fillText(p.hint, W / 2, y + 70 + QR + 60)
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas is empty'))), 'image/png'),
  )
}
