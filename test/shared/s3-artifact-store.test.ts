import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../functions/shared/artifact-store.js';
import { ArtifactError } from '../../functions/shared/errors.js';
import { createS3ArtifactStore, MAX_LINK_SECONDS } from '../../functions/shared/s3-artifact-store.js';
import { describeArtifactStoreContract } from './artifact-store-contract.js';
import { startLocalS3 } from './s3rver-harness.js';

describeArtifactStoreContract('S3 artifact store on s3rver', async () => {
  const s3 = await startLocalS3();
  const store = createS3ArtifactStore({ client: s3.client, bucket: s3.bucket, prefix: 'quantcoder' });
  return {
    store,
    async tamper(key, body) {
      await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `quantcoder/${key}`, Body: body }));
    },
    async follow(link) {
      const response = await fetch(link, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`GET ${link} answered ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
    stop: () => s3.stop(),
  };
});

describe('createS3ArtifactStore', () => {
  it('locates keys as s3 URIs under the prefix', () => {
    // Prepare
    const store = createS3ArtifactStore({
      client: new S3Client({}),
      bucket: 'runs-bucket',
      prefix: '/team-a/',
    });

    // Act
    const place = store.locate('run-7/project.zip');

    // Assess
    expect(place).toBe('s3://runs-bucket/team-a/run-7/project.zip');
  });

  it('sends a sha256 checksum and content type, and maps NoSuchKey to an ArtifactError (mocked client)', async () => {
    // Prepare
    const client = new S3Client({ region: 'us-east-1' });
    const mock = mockClient(client);
    mock.on(PutObjectCommand).resolves({});
    mock
      .on(GetObjectCommand)
      .rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));
    const store = createS3ArtifactStore({ client, bucket: 'runs-bucket' });
    const body = '{"ok": true}\n';

    // Act
    const ref = await store.put('run-1/result.json', body);
    const reading = store.get(ref);

    // Assess
    const put = mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put).toMatchObject({
      Bucket: 'runs-bucket',
      Key: 'run-1/result.json',
      ContentType: 'application/json',
      ChecksumSHA256: Buffer.from(sha256Hex(body), 'hex').toString('base64'),
    });
    await expect(reading).rejects.toBeInstanceOf(ArtifactError);
    await expect(store.get(ref)).rejects.toThrow('run-1/result.json');
    mock.restore();
  });

  it('presigns links for a day by default and never past the SigV4 limit', async () => {
    // Prepare
    const requests: Array<{ key: string | undefined; expiresIn: number }> = [];
    const store = createS3ArtifactStore({
      client: new S3Client({ region: 'us-east-1' }),
      bucket: 'runs-bucket',
      prefix: 'quantcoder',
      presign: async (_client, command, options) => {
        requests.push({ key: command.input.Key, expiresIn: options.expiresIn });
        return 'https://signed.example/link';
      },
    });
    const ref = { key: 'run-1/project.zip', sha256: sha256Hex(''), bytes: 0 };

    // Act
    const link = await store.link(ref);
    await store.link(ref, { expiresInSeconds: 30 * 24 * 60 * 60 });

    // Assess
    expect(link).toBe('https://signed.example/link');
    expect(requests).toEqual([
      { key: 'quantcoder/run-1/project.zip', expiresIn: 24 * 60 * 60 },
      { key: 'quantcoder/run-1/project.zip', expiresIn: MAX_LINK_SECONDS },
    ]);
  });
});
