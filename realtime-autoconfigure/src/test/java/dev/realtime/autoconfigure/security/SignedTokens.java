package dev.realtime.autoconfigure.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs JWTs with an RSA key pair generated for the test, as an identity provider would. */
final class SignedTokens {

	static final String AUDIENCE = "realtime";

	private final KeyPair keys;

	private final NimbusJwtEncoder encoder;

	SignedTokens() {
		this.keys = generate();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) this.keys.getPublic()).privateKey(this.keys.getPrivate()).build();
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
	}

	RSAPublicKey publicKey() {
		return (RSAPublicKey) this.keys.getPublic();
	}

	/** A token for the audience, with these roles, expiring then. */
	String token(String subject, Instant expiresAt, String... roles) {
		return token(subject, AUDIENCE, expiresAt, roles);
	}

	String token(String subject, String audience, Instant expiresAt, String... roles) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(subject)
			.audience(List.of(audience))
			.issuedAt(expiresAt.minusSeconds(3600))
			.expiresAt(expiresAt)
			.claim("roles", List.of(roles))
			.build();
		return this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
