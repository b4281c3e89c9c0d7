"""theme discovery: candidate themes found in the comments; why a theme is suggested
(strength, shared words, closest confirmed comment)

Revision ID: 0011_theme_candidates
Revises: 0010_comment_embeddings
Create Date: 2026-12-07 14:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "0011_theme_candidates"
down_revision = "0010_comment_embeddings"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "theme_candidates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("phase_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("comment_ids", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "adopted", "dismissed", name="candidatestatus",
                    native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["decided_by_id"], ["users.id"],
                                name=op.f("fk_theme_candidates_decided_by_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["phase_id"], ["phases.id"],
                                name=op.f("fk_theme_candidates_phase_id_phases"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["process_id"], ["processes.id"],
                                name=op.f("fk_theme_candidates_process_id_processes"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"],
                                name=op.f("fk_theme_candidates_theme_id_themes"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_candidates")),
    )  # fmt: skip
    with op.batch_alter_table("theme_candidates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_theme_candidates_process_id"), ["process_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_theme_candidates_status"), ["status"], unique=False
        )


    with op.batch_alter_table("theme_tags", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "strength",
                sa.Enum("strong", "possible", name="suggestionstrength",
                        native_enum=False, length=20),
                nullable=True,
            )
        )  # fmt: skip
        batch_op.add_column(
            sa.Column("reason_words", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("reason_comment_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_theme_tags_reason_comment_id_comments"),
            "comments",
            ["reason_comment_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("theme_tags", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_theme_tags_reason_comment_id_comments"), type_="foreignkey"
        )
        batch_op.drop_column("reason_comment_id")
        batch_op.drop_column("reason_words")
        batch_op.drop_column("strength")
    with op.batch_alter_table("theme_candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_candidates_status"))
        batch_op.drop_index(batch_op.f("ix_theme_candidates_process_id"))
    op.drop_table("theme_candidates")
