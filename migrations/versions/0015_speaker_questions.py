"""speaker questions: questions to a seminar's talks from phones, and their likes

Revision ID: 0015_speaker_questions
Revises: 0014_live_votes
Create Date: 2026-12-07 17:00:00

One like per person and question, and one question per form sent (author and
submission key), are unique constraints; the seminar gets the version counter the
questions' pages are answered 304 by.
"""
import sqlalchemy as sa
from alembic import op

revision = "0015_speaker_questions"
down_revision = "0014_live_votes"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('seminars', schema=None) as batch_op:
        batch_op.add_column(sa.Column('live_version', sa.Integer(), server_default='0', nullable=False))

    op.create_table('speaker_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seminar_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.String(length=280), nullable=False),
    sa.Column('state', sa.Enum('new', 'shortlisted', 'answered', name='questionstate', native_enum=False, length=20), nullable=False),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('moderated_by_id', sa.Integer(), nullable=True),
    sa.Column('submission_key', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_speaker_questions_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_speaker_questions_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['work_groups.id'], name=op.f('fk_speaker_questions_group_id_work_groups'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['moderated_by_id'], ['users.id'], name=op.f('fk_speaker_questions_moderated_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['seminar_id'], ['seminars.id'], name=op.f('fk_speaker_questions_seminar_id_seminars'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaker_questions')),
    sa.UniqueConstraint('author_id', 'submission_key', name=op.f('uq_speaker_questions_author_id_submission_key'))
    )
    with op.batch_alter_table('speaker_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_questions_agenda_item_id'), ['agenda_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_speaker_questions_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_speaker_questions_seminar_id'), ['seminar_id'], unique=False)

    op.create_table('speaker_question_likes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['speaker_questions.id'], name=op.f('fk_speaker_question_likes_question_id_speaker_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_speaker_question_likes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaker_question_likes')),
    sa.UniqueConstraint('question_id', 'user_id', name=op.f('uq_speaker_question_likes_question_id_user_id'))
    )
    with op.batch_alter_table('speaker_question_likes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speaker_question_likes_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_speaker_question_likes_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('speaker_question_likes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_question_likes_user_id'))
        batch_op.drop_index(batch_op.f('ix_speaker_question_likes_question_id'))

    op.drop_table('speaker_question_likes')
    with op.batch_alter_table('speaker_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speaker_questions_seminar_id'))
        batch_op.drop_index(batch_op.f('ix_speaker_questions_author_id'))
        batch_op.drop_index(batch_op.f('ix_speaker_questions_agenda_item_id'))

    op.drop_table('speaker_questions')
    with op.batch_alter_table('seminars', schema=None) as batch_op:
        batch_op.drop_column('live_version')
