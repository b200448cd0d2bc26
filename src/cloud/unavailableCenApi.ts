/** A CenApi standing in for one that could not be built (e.g. an invalid endpoint setting): every call fails with that reason. */
import type { CenApi } from './cenApi';

export function unavailableCenApi(reason: unknown): CenApi {
  const fail = (): Promise<never> => Promise.reject(reason);
  return {
    listCensPage: fail,
    listCens: () => ({
      [Symbol.asyncIterator]: () => ({ next: fail }),
    }),
    listChildInstances: fail,
    listFlowLogs: fail,
    getFlowLog: fail,
    createFlowLog: fail,
    startFlowLog: fail,
    stopFlowLog: fail,
    modifyFlowLog: fail,
    deleteFlowLog: fail,
    waitForStable: fail,
  };
}
