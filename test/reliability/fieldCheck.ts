/** The wizard's check for one field, by name: how the corpus reaches validation.ts. */
import {
  checkCenId,
  checkDescription,
  checkFlowLogName,
  checkInterval,
  checkLogFormatString,
  checkLogStoreName,
  checkProjectName,
  checkRegionId,
  checkTransitRouterAttachmentId,
  checkTransitRouterId,
  type FieldCheck,
  type FlowLogField,
} from '../../src/flowlogs/validation';

export function checkField(field: FlowLogField, value: string): FieldCheck {
  switch (field) {
    case 'name':
      return checkFlowLogName(value);
    case 'description':
      return checkDescription(value);
    case 'projectName':
      return checkProjectName(value);
    case 'logStoreName':
      return checkLogStoreName(value);
    case 'cenId':
      return checkCenId(value);
    case 'regionId':
      return checkRegionId(value);
    case 'logFormatString':
      return checkLogFormatString(value);
    case 'transitRouterId':
      return checkTransitRouterId(value);
    case 'transitRouterAttachmentId':
      return checkTransitRouterAttachmentId(value);
    case 'interval':
      return checkInterval(Number(value));
    case 'tags':
      return undefined;
  }
}
