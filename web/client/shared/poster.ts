export interface PosterContent {
  brand: string
  name: string
  price: string
  qrSvg: string
  hint: string
  /** "Recommended by …" */
  sharer: string
  /** A line of the brand's copy. */
  copy: string
  /** The brand colour, #rrggbb. */
  colour: string
  logoUrl?: string
  /** The product photo: same origin (/media/) or served with CORS; drawn only if it loads. */
  photoUrl?: string
}

/** Loads an image for the canvas; undefined when it cannot be drawn (missing, or another origin without CORS). */
function loadImage(src: string | undefined): Promise<HTMLImageElement | undefined> {
  if (!src) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    const img = new Image()
    img.crossOrigin = 'anonymous'
    img.onload = () => resolve(img)
    img.onerror = () => resolve(undefined)
    img.src = src
  })
}

const W = 720
const H = 1280
const QR = 300

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

/** Draws the share poster (photo, name, price, sharer, copy, logo, brand colour, QR) and returns it as a PNG blob. */
export async function posterPng(p: PosterContent): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = W
  canvas.height = H
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  const [photo, logo, qr] = await Promise.all([loadImage(p.photoUrl), loadImage(p.logoUrl), loadSvg(p.qrSvg, QR)])
  const font = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif"
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, W, H)
  // Header band in the brand colour, with the logo and the brand's name.
  ctx.fillStyle = p.colour
  ctx.fillRect(0, 0, W, 110)
  if (logo) ctx.drawImage(logo, 32, 19, 72, 72)
  ctx.fillStyle = '#ffffff'
  ctx.textAlign = 'left'
  ctx.font = `bold 32px ${font}`
  ctx.fillText(p.brand, logo ? 124 : 32, 67, W - 160)
  // The photo, cropped to a square.
  const top = 110
  if (photo) {
    const side = Math.min(photo.naturalWidth, photo.naturalHeight)
    const sx = (photo.naturalWidth - side) / 2
    const sy = (photo.naturalHeight - side) / 2
    ctx.drawImage(photo, sx, sy, side, side, 0, top, W, 520)
  } else {
    ctx.fillStyle = '#f6f6f8'
    ctx.fillRect(0, top, W, 520)
  }
  ctx.textAlign = 'center'
  ctx.fillStyle = '#222222'
  ctx.font = `bold 40px ${font}`
  let y = top + 520 + 60
  for (const line of wrap(ctx, p.name, W - 96).slice(0, 2)) {
    ctx.fillText(line, W / 2, y)
    y += 50
  }
  ctx.fillStyle = p.colour
  ctx.font = `bold 48px ${font}`
  ctx.fillText(p.price, W / 2, y + 8)
  ctx.fillStyle = '#555555'
  ctx.font = `26px ${font}`
  ctx.fillText(wrap(ctx, p.copy, W - 96)[0] ?? '', W / 2, y + 56)
  // The QR on white, its quiet zone kept, then who shares it and the hint.
  const qy = H - QR - 110
  ctx.drawImage(qr, (W - QR) / 2, qy, QR, QR)
  ctx.fillStyle = '#888888'
  ctx.font = `24px ${font}`
  ctx.fillText(`${p.sharer} · ${p.hint}`, W / 2, H - 60, W - 64)
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas is empty'))), 'image/png'),
  )
}
