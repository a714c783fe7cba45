# Builds and runs the app in the postgres profile. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the health check in docker-compose.yml (GET /actuator/health/readiness).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 werkpact
WORKDIR /app
COPY --from=build /src/target/werkpact-keurmerk-*.jar app.jar
USER werkpact
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
# Memory bounded by configuration (README, "Geheugen"): heap, metaspace, code cache, direct buffers and thread stacks,
# within the 768 MB that docker-compose.yml gives the container. The same flags as tools/run-bounded.sh.
ENV JAVA_TOOL_OPTIONS="-Xms256m -Xmx400m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m -Xss512k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
