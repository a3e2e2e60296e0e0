-- Accepts and dismisses of recommendations with the user's features at that moment (IRecommendationFeedbackLog):
-- the ranking model's training data. features is {"<feature name>": value, ...}.
CREATE TABLE floyo_recommendation_feedback (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid        NOT NULL,
    catalog_id  text        NOT NULL,
    accepted    boolean     NOT NULL,
    at          timestamptz NOT NULL,
    features    jsonb       NOT NULL
);

CREATE INDEX floyo_recommendation_feedback_user ON floyo_recommendation_feedback (user_id);
