-- Versioned recommendation ranking models (IRecommendationModelStore): every trained model with its held-out metrics;
-- the newest row with shipped = true ranks. metrics is {"heldOutExamples": n, "modelAuc": x, "priorAuc": y, ...};
-- model is the serialized ML.NET transformer. Aggregate data only: no user ids.
CREATE TABLE floyo_recommendation_models (
    name               text        NOT NULL,
    version            integer     NOT NULL,
    created_at         timestamptz NOT NULL,
    training_examples  integer     NOT NULL,
    metrics            jsonb       NOT NULL,
    model              bytea       NOT NULL,
    shipped            boolean     NOT NULL,
    PRIMARY KEY (name, version)
);
