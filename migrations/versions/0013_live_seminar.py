"""live seminar: a short join code per workshop (the wall's QR code and join sheet)

Revision ID: 0013_live_seminar
Revises: 0012_open_data
Create Date: 2026-12-07 15:00:00

"""
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0013_live_seminar"
down_revision = "0012_open_data"
branch_labels = None
depends_on = None

#: As app.models.seminars (migrations never import application code).
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8


def upgrade():
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.add_column(sa.Column("join_code", sa.String(length=LENGTH), nullable=True))
    # Every existing workshop gets its own code before the column becomes required.
    connection = op.get_bind()
    workshops = sa.table("workshops", sa.column("id"), sa.column("join_code"))
    used: set[str] = set()
    for (workshop_id,) in connection.execute(sa.select(workshops.c.id)).all():
        code = ""
        while not code or code in used:
            code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        used.add(code)
        connection.execute(
            workshops.update().where(workshops.c.id == workshop_id).values(join_code=code)
        )
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.alter_column(
            "join_code", existing_type=sa.String(length=LENGTH), nullable=False
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_workshops_join_code"), ["join_code"]
        )


def downgrade():
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_workshops_join_code"), type_="unique")
        batch_op.drop_column("join_code")
