"""sentence embeddings of comments (coding suggestions, theme discovery)

Revision ID: 0010_comment_embeddings
Revises: 0009_work_group_seats
Create Date: 2026-12-07 13:20:00

"""
import sqlalchemy as sa
from alembic import op

revision = "0010_comment_embeddings"
down_revision = "0009_work_group_seats"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "comment_embeddings",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_embeddings_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("comment_id", name=op.f("pk_comment_embeddings")),
    )
    with op.batch_alter_table("comment_embeddings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_comment_embeddings_model"), ["model"], unique=False
        )


def downgrade():
    with op.batch_alter_table("comment_embeddings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_embeddings_model"))
    op.drop_table("comment_embeddings")
