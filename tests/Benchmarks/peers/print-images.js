// What every client in the comparison prints: the sample's default columns, tab-separated, newest first, the way the
// sample's `list` writes them to a pipe. Throws unless the listing holds `total` distinct images.
module.exports = function printImages(images, total) {
  const ids = new Set(images.map((image) => image.id));
  if (images.length !== total || ids.size !== total) {
    throw new Error(`expected ${total} distinct images, got ${images.length} (${ids.size} distinct)`);
  }

  images.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
  const lines = ['ID\tName\tType\tDistribution\tSlug\tRegions\tSize\tCreated\tStatus'];
  for (const image of images) {
    const size = image.size_gigabytes == null ? '' : `${Math.round(image.size_gigabytes * 100) / 100} GB`;
    lines.push([image.id, image.name, image.type ?? '', image.distribution ?? '', image.slug ?? '', image.regions.join(', '),
      size, image.created_at.slice(0, 10), image.status ?? ''].join('\t'));
  }

  process.stdout.write(lines.join('\n') + '\n');
};
