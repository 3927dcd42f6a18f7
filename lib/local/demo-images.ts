import sharp from 'sharp'
import { createHash } from 'node:crypto'

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * A simple product picture for the demo seed, drawn from SVG by sharp at seed
 * time (so no binary file is committed): a jar or bottle in the product's hue
 * on a soft background, with its SKU. Latin text only: the server may lack CJK fonts.
 * @example const png = await demoProductPicture('CAM-SERUM-30', 0)
 */
export function demoProductPicture(sku: string, index: number): Promise<Buffer> {
  const hue = (index * 57 + 340) % 360
  const shape =
    index % 2 === 0
      ? `<rect x="380" y="300" width="240" height="460" rx="40" fill="hsl(${hue},60%,55%)"/><rect x="440" y="220" width="120" height="90" rx="16" fill="hsl(${hue},30%,30%)"/>`
      : `<rect x="300" y="440" width="400" height="300" rx="60" fill="hsl(${hue},60%,55%)"/><rect x="290" y="380" width="420" height="90" rx="30" fill="hsl(${hue},30%,30%)"/>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000">
<rect width="1000" height="1000" fill="hsl(${hue},70%,93%)"/><circle cx="500" cy="560" r="330" fill="hsl(${hue},70%,85%)"/>
${shape}<circle cx="500" cy="560" r="50" fill="#ffffff" opacity="0.8"/>
<text x="500" y="930" font-family="sans-serif" font-size="48" text-anchor="middle" fill="hsl(${hue},30%,30%)">${escapeXml(sku)}</text></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** The demo brand's logo: a camellia of five petals in the brand colour, as PNG. */
export async function demoLogo(colour: string): Promise<{ png: Buffer; version: string }> {
  const petals = [0, 72, 144, 216, 288]
    .map((a) => `<ellipse cx="128" cy="70" rx="40" ry="62" fill="${colour}" transform="rotate(${a} 128 128)"/>`)
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">${petals}<circle cx="128" cy="128" r="30" fill="#ffd54f"/></svg>`
  const png = await sharp(Buffer.from(svg)).png().toBuffer()
  return { png, version: createHash('sha256').update(png).digest('hex').slice(0, 16) }
}
