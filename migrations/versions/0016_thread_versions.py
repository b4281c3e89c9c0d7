"""thread versions: a version token per prompt for the thread page's fragment cache

Revision ID: 0016_thread_versions
Revises: 0015_speaker_questions
Create Date: 2026-12-07 20:00:00

Every change to what a thread page shows (its comments, their reports and versions,
the process's work groups, organisations' and authors' names) sets the prompt's
``thread_version`` to a new random number (app/thread_versions.py); the page's
rendered comments are cached under it. Random rather than counted, so that two
databases (or a database emptied and filled again) never share a prompt id and a
version by chance; existing prompts get a random one here.
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_thread_versions"
down_revision = "0015_speaker_questions"
branch_labels = None
depends_on = None

#: 2**62: the versions are non-negative and fit a signed 64-bit integer.
LIMIT = 4611686018427387904


def upgrade():
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "thread_version", sa.BigInteger(), server_default="0", nullable=False
            )
        )
    if op.get_bind().dialect.name == "postgresql":
        random = f"floor(random() * {LIMIT})::bigint"
    else:
        random = f"abs(random() % {LIMIT})"
    op.execute(f"UPDATE prompts SET thread_version = {random}")


def downgrade():
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.drop_column("thread_version")
