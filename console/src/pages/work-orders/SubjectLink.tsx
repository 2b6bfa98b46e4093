import { Link } from 'react-router-dom';
import type { WorkOrder } from '../../api/types';
import { subjectPath } from './subject';

/** The subject of a work order, as a link to where it is shown when it has such a place. */
export function SubjectLink({ workOrder, text }: { workOrder: Pick<WorkOrder, 'id' | 'subjectType' | 'subjectId'>; text: string }) {
  const path = subjectPath(workOrder.subjectType, workOrder.subjectId);
  return path ? (
    <Link to={path} data-testid={`wo-subject-link-${workOrder.id}`}>
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
}
