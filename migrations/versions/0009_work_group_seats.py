"""work groups' seats: how many people may join a group (issue 16, item 6)

A group whose members could join again and again could multiply its weight in a
ballot where each person votes. Every group now has a number of places; existing
groups get 10, or as many as they already have members if that is more, so nobody
who joined loses anything.

Revision ID: 0009_work_group_seats
Revises: 0008_monitoring_surveys_privacy
Create Date: 2026-12-01 10:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0009_work_group_seats"
down_revision = "0008_monitoring_surveys_privacy"
branch_labels = None
depends_on = None

#: As app.models.groups.DEFAULT_SEATS, frozen here as of this revision.
DEFAULT_SEATS = 10


def upgrade():
    with op.batch_alter_table("work_groups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "seats",
                sa.Integer(),
                nullable=False,
                server_default=sa.text(str(DEFAULT_SEATS)),
            )
        )
    members = (
        "(SELECT COUNT(*) FROM group_memberships"
        " WHERE group_memberships.group_id = work_groups.id)"
    )
    op.execute(
        f"UPDATE work_groups SET seats = {members} WHERE {members} > {DEFAULT_SEATS}"
    )


def downgrade():
    with op.batch_alter_table("work_groups", schema=None) as batch_op:
        batch_op.drop_column("seats")
