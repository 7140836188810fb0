import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One StartExecution the fake received. */
export interface RecordedExecution {
  stateMachineArn: string;
  name: string;
  input: unknown;
}

export interface FakeStepFunctions {
  /** The endpoint: pass it as AWS_ENDPOINT_URL_SFN or the client's `endpoint`. */
  url: string;
  executions: RecordedExecution[];
  /** Answers the next StartExecution calls with this error (`__type`) until cleared with undefined. */
  failWith(error: { type: string; message: string; status?: number } | undefined): void;
  close(): Promise<void>;
}

/**
 * Step Functions on 127.0.0.1, speaking the AWS JSON 1.0 protocol the SDK uses (POST /, X-Amz-Target
 * AWSStepFunctions.<Operation>). It answers StartExecution only, and refuses a name it has already started
 * with ExecutionAlreadyExists, as Step Functions does for a name used with a different input.
 */
export async function startFakeStepFunctions(): Promise<FakeStepFunctions> {
  const executions: RecordedExecution[] = [];
  let failure: { type: string; message: string; status?: number } | undefined;
  const send = (response: import('node:http').ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
    response.end(JSON.stringify(body));
  };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = request.headers['x-amz-target'];
    if (request.method !== 'POST' || target !== 'AWSStepFunctions.StartExecution') {
      return send(response, 400, { __type: 'UnknownOperationException', message: `not faked: ${target}` });
    }
    if (failure)
      return send(response, failure.status ?? 400, { __type: failure.type, message: failure.message });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      stateMachineArn: string;
      name: string;
      input: string;
    };
    if (executions.some((execution) => execution.name === body.name)) {
      return send(response, 400, {
        __type: 'ExecutionAlreadyExists',
        message: `Execution Already Exists: '${body.stateMachineArn}:${body.name}'`,
      });
    }
    executions.push({
      stateMachineArn: body.stateMachineArn,
      name: body.name,
      input: JSON.parse(body.input),
    });
    const executionArn = `${body.stateMachineArn.replace(':stateMachine:', ':execution:')}:${body.name}`;
    return send(response, 200, { executionArn, startDate: Date.now() / 1000 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    executions,
    failWith: (error) => {
      failure = error;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
