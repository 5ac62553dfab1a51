/** The structure of tiny videos and caption files for upload tests, built in code; only the structure is read. */

function mp4Box(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + data.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data]);
}

/** An MP4 (brand "isom") with an index and `mediaBytes` bytes of media data. */
export function testMp4(mediaBytes = 64, brand = 'isom'): Buffer {
  const ftyp = mp4Box('ftyp', Buffer.from(`${brand}\0\0\x02\0isomiso2avc1mp41`, 'latin1'));
  const moov = mp4Box('moov', mp4Box('mvhd', Buffer.alloc(100)));
  const media = Buffer.alloc(mediaBytes);
  for (let i = 0; i < mediaBytes; i++) media[i] = i % 251;
  return Buffer.concat([ftyp, moov, mp4Box('mdat', media)]);
}

function ebml(id: number[], data: Buffer): Buffer {
  // Sizes as 8-byte numbers (marker 0x01), which every reader must accept.
  const size = Buffer.alloc(8);
  size.writeUInt32BE(0x01000000, 0);
  size.writeUInt32BE(data.length, 4);
  return Buffer.concat([Buffer.from(id), size, data]);
}

/** A WebM: the EBML header with DocType `docType`, then a Segment of unknown size. */
export function testWebm(docType = 'webm'): Buffer {
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    Buffer.concat([ebml([0x42, 0x86], Buffer.from([1])), ebml([0x42, 0x82], Buffer.from(docType, 'latin1')), ebml([0x42, 0x87], Buffer.from([4]))]),
  );
  const segment = Buffer.concat([Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.alloc(32, 0x42)]);
  return Buffer.concat([header, segment]);
}

/** A WebVTT caption file with one cue. */
export function testCaptions(text = 'Willkommen im Familienrathaus.'): Buffer {
  return Buffer.from(`WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n${text}\n`, 'utf8');
}
